package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sitroom.testing.AppProcess;

/**
 * Kills the packaged server mid-exercise (SIGKILL) and starts it again: playback goes on where it
 * was, the injects that fell due while it was down arrive once, and none arrives twice.
 */
class ExerciseRestartIT {



    private static List<String> delivered(AppProcess app, String token, String room) {
        List<Map<String, Object>> events = app.as(token).get("/api/rooms/" + room + "/events?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("events");
        return events.stream().filter(e -> "inject.delivered".equals(e.get("kind")))
                .map(e -> (String) ((Map<?, ?>) e.get("data")).get("injectId")).toList();
    }

    private static List<String> waitFor(AppProcess app, String token, String room, String injectId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = delivered(app, token, room);
        while (!seen.contains(injectId) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = delivered(app, token, room);
        }
        return seen;
    }

    @Test
    void killedMidExercise_theRestartedServerGoesOnWhereItWas_andDeliversEveryInjectOnce() throws Exception {
        AppProcess.emptyDatabase();
        try (AppProcess app = new AppProcess()) {
            app.start();
            String admin = app.login("admin", AppProcess.ADMIN_PASSWORD);
            app.as(admin).body(Map.of("username", "fran", "displayName", "Fran", "password", "fran-password-1")).post("/api/users")
                    .then().statusCode(201);
            String fran = app.login("fran", "fran-password-1");
            String room = app.as(fran).body(Map.of("kind", "EXERCISE", "title", "Restart drill", "scenarioId", "test-drill"))
                    .post("/api/rooms").then().statusCode(201).extract().path("id");
            // One scenario minute per wall second: legal-brief (5 min) falls due 5 s after the start.
            app.as(fran).body(Map.of("commandId", "start", "name", "exercise.start", "data", Map.of("speed", 60)))
                    .post("/api/rooms/" + room + "/commands").then().statusCode(200);
            assertEquals(List.of("kickoff"), delivered(app, fran, room));

            app.kill();
            Thread.sleep(6_000);
            app.start();

            List<String> after = waitFor(app, fran, room, "legal-brief", Duration.ofSeconds(20));
            assertEquals(List.of("kickoff", "legal-brief"), after.subList(0, 2), app.log());
            assertEquals(after.stream().distinct().toList(), after, "no inject twice");
            app.as(fran).get("/api/rooms/" + room + "/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
            long elapsed = app.as(fran).get("/api/rooms/" + room + "/exercise").then().statusCode(200).extract()
                    .<Number> path("elapsedMs").longValue();
            assertTrue(elapsed >= 5 * 60_000, "scenario time went on while the server was down: " + elapsed);
        }
    }
}

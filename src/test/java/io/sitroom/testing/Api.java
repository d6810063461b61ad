package io.sitroom.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST helpers for tests: accounts, rooms and commands through the public API. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static volatile String adminToken;

    private Api() {
    }

    public record User(UUID id, String username, String displayName, String token) {
        public RequestSpecification as() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("token");
    }

    public static String adminToken() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Creates an account (as admin) and signs it in. */
    public static User newUser(String displayName) {
        String username = "user" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "password-" + username;
        String id = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", displayName, "password", password))
                .post("/api/users")
                .then().statusCode(201)
                .extract().path("id");
        return new User(UUID.fromString(id), username, displayName, login(username, password));
    }

    /** Creates an incident room as {@code owner} (who becomes its IC) and returns its id. */
    public static UUID newIncident(User owner, String title) {
        String id = owner.as().body(Map.of("kind", "INCIDENT", "title", title, "severity", "SEV2"))
                .post("/api/rooms")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    /** Creates an exercise of a scenario as {@code facilitator} and returns its id. */
    public static UUID newExercise(User facilitator, String scenarioId) {
        String id = facilitator.as().body(Map.of("kind", "EXERCISE", "title", "Exercise " + scenarioId, "scenarioId", scenarioId))
                .post("/api/rooms")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    /** Invites a role into a room (as its lead) and returns the code. */
    public static String invite(User lead, UUID roomId, String role) {
        return lead.as().body(Map.of("role", role, "ttlMinutes", 120)).post("/api/rooms/" + roomId + "/invites")
                .then().statusCode(201).extract().path("code");
    }

    /** Joins with an invitation code as a guest. */
    public static User join(String code, String displayName) {
        var joined = given().contentType(ContentType.JSON).body(Map.of("code", code, "displayName", displayName))
                .post("/api/auth/join").then().statusCode(200).extract().jsonPath();
        return new User(UUID.fromString(joined.getString("user.id")), joined.getString("user.username"), displayName,
                joined.getString("token"));
    }

    public static void addMember(User lead, UUID roomId, User member, String... roles) {
        lead.as().body(Map.of("userId", member.id().toString(), "roles", List.of(roles)))
                .post("/api/rooms/" + roomId + "/members")
                .then().statusCode(201);
    }

    public static Response command(User user, UUID roomId, String name, Map<String, ?> data) {
        return command(user, roomId, "c-" + UUID.randomUUID(), name, data);
    }

    public static Response command(User user, UUID roomId, String commandId, String name, Map<String, ?> data) {
        return user.as().body(Map.of("commandId", commandId, "name", name, "data", data))
                .post("/api/rooms/" + roomId + "/commands");
    }

    /** The events of a room a user may see, of the given kinds, oldest first (as JSON maps). */
    public static List<Map<String, Object>> events(User user, UUID roomId, String... kinds) {
        List<Map<String, Object>> events = user.as().get("/api/rooms/" + roomId + "/events?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("events");
        List<String> wanted = List.of(kinds);
        return events.stream().filter(e -> wanted.isEmpty() || wanted.contains(e.get("kind"))).toList();
    }

    /** Sends a command that must be accepted and returns its result's first seq. */
    public static long accepted(User user, UUID roomId, String name, Map<String, ?> data) {
        return command(user, roomId, name, data).then().statusCode(200).extract().<Number> path("seq").longValue();
    }

    public static long headSeq(User user, UUID roomId) {
        return user.as().get("/api/rooms/" + roomId).then().statusCode(200).extract().<Number> path("seq").longValue();
    }
}

package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

@QuarkusTest
class RoomSocketTest {

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.path("seq").asLong()).toList();
    }

    private static Map<Long, String> kindsBySeq(List<JsonNode> events) {
        Map<Long, String> kinds = new java.util.LinkedHashMap<>();
        events.forEach(e -> kinds.put(e.path("seq").asLong(), e.path("kind").asText()));
        return kinds;
    }

    private static List<String> texts(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("kind").asText().equals("note.added")).map(e -> e.path("data").path("text").asText())
                .toList();
    }

    @Test
    void welcome_comesFirst_withSnapshotHeadAndYou() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Welcome");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            JsonNode welcome = ws.next();
            assertEquals("welcome", welcome.path("type").asText());
            assertEquals(room.toString(), welcome.path("roomId").asText());
            assertEquals(2, welcome.path("seq").asLong());
            assertEquals(ic.id().toString(), welcome.path("you").path("userId").asText());
            assertEquals("incident_commander", welcome.path("you").path("roles").get(0).asText());
            assertEquals("Welcome", welcome.path("room").path("title").asText());
            assertEquals("detection", welcome.path("room").path("phase").asText());
            assertEquals(1, welcome.path("room").path("members").size());
        }
    }

    @Test
    void upgrade_isRefused_withoutToken_forNonMembers_andForBadSince() {
        User ic = Api.newUser("Ines");
        User stranger = Api.newUser("Stranger");
        UUID room = Api.newIncident(ic, "Refusals");
        assertEquals(401, WsClient.upgradeStatus(WsClient.roomUri(room, null), null));
        assertEquals(401, WsClient.upgradeStatus(WsClient.roomUri(room, null), "bogus-token"));
        assertEquals(404, WsClient.upgradeStatus(WsClient.roomUri(room, null), stranger.token()));
        assertEquals(404, WsClient.upgradeStatus(WsClient.roomUri(UUID.randomUUID(), null), ic.token()));
        assertEquals(400, WsClient.upgradeStatus(WsClient.roomUri(room, "since=minus-one"), ic.token()));
        assertEquals(101, WsClient.upgradeStatus(WsClient.roomUri(room, "token=" + ic.token()), null));
    }

    @Test
    void events_reachEveryMemberOnce_inSeqOrder_withTheResultToTheSender() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Live");
        Api.addMember(ic, room, legal, "legal");
        try (WsClient icWs = WsClient.connect(ic, room, null); WsClient legalWs = WsClient.connect(legal, room, null)) {
            icWs.next("welcome");
            legalWs.next("welcome");
            icWs.command("c1", "role.assign", Map.of("userId", legal.id().toString(), "role", "scribe"));
            assertTrue(icWs.result("c1").path("ok").asBoolean(), "legal releases the role below only once it holds it");
            icWs.command("c2", "room.severity", Map.of("severity", "SEV1"));
            icWs.command("c3", "room.phase", Map.of("phase", "containment"));
            legalWs.command("c4", "note.add", Map.of("text", "counsel engaged"));
            legalWs.command("c5", "role.release", Map.of("userId", legal.id().toString(), "role", "scribe"));

            assertTrue(legalWs.result("c4").path("ok").asBoolean());
            // The severity change moves the update cadence: everyone hears of it (update.rescheduled) right after.
            List<JsonNode> seenByIc = icWs.eventsUpTo(9);
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), seqs(seenByIc));
            assertEquals(Set.of("role.assigned", "room.severity_changed", "update.rescheduled", "room.phase_changed", "note.added",
                    "role.released"), Set.copyOf(kindsBySeq(seenByIc).values()));
            // Legal's own roles change twice: each change is followed by a resync read at the head, which
            // stands for every event up to its seq. Whatever came as events is what the IC saw, in order,
            // never twice, and together with the resyncs nothing is missing.
            List<JsonNode> seenByLegal = legalWs.streamUpTo(9);
            List<Long> legalSeqs = seqs(seenByLegal);
            assertEquals(legalSeqs.stream().sorted().toList(), legalSeqs, "in seq order: " + legalSeqs);
            assertTrue(seenByLegal.stream().anyMatch(f -> f.path("type").asText().equals("resync")), "a resync after the role change");
            Map<Long, String> legalEvents = kindsBySeq(seenByLegal.stream().filter(f -> f.path("type").asText().equals("event")).toList());
            legalEvents.forEach((seq, kind) -> assertEquals(kindsBySeq(seenByIc).get(seq), kind, "event " + seq));
            long covered = 3;
            for (JsonNode frame : seenByLegal) {
                long seq = frame.path("seq").asLong();
                // An event comes right after what is covered (no gap, none twice); a resync may be read at the seq just sent.
                assertTrue(frame.path("type").asText().equals("resync") || seq == covered + 1, "event " + seq + " after " + covered);
                covered = seq;
            }
            assertTrue(icWs.drain(Duration.ofMillis(300)).stream().noneMatch(f -> f.path("type").asText().equals("event")),
                    "no event twice");
        }
    }

    @Test
    void badFrames_getErrorFrames_andTheConnectionAndRoomStayUsable() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Bad frames");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            ws.sendRaw("this is not json");
            assertEquals("invalid", ws.next("error").path("error").path("code").asText());
            ws.sendRaw("[1,2,3]");
            assertEquals("invalid", ws.next("error").path("error").path("code").asText());
            ws.send(Map.of("type", "command", "name", "note.add", "data", Map.of("text", "no id")));
            assertEquals("invalid", ws.next("error").path("error").path("code").asText());
            ws.send(Map.of("type", "command", "commandId", "no-name", "data", Map.of()));
            assertEquals("invalid", ws.result("no-name").path("error").path("code").asText());
            ws.command("unknown", "room.teleport", Map.of());
            JsonNode unknown = ws.result("unknown");
            assertFalse(unknown.path("ok").asBoolean());
            assertEquals("unknown command 'room.teleport'", unknown.path("error").path("message").asText());
            ws.command("big", "note.add", Map.of("text", "x".repeat(70 * 1024)));
            assertEquals("too_large", ws.next("error").path("error").path("code").asText());
            ws.send(Map.of("type", "shout"));
            assertEquals("invalid", ws.next("error").path("error").path("code").asText());

            ws.send(Map.of("type", "ping"));
            ws.next("pong");
            ws.command("good", "note.add", Map.of("text", "still here"));
            JsonNode result = ws.result("good");
            assertTrue(result.path("ok").asBoolean());
            assertEquals(3, result.path("seq").asLong(), "none of the bad frames appended anything");
            assertFalse(ws.isClosed());
        }
    }

    @Test
    void command_fromAMemberWithoutTheRole_isForbidden_andAppendsNothing() {
        User ic = Api.newUser("Ines");
        User observer = Api.newUser("Otto");
        UUID room = Api.newIncident(ic, "Forbidden");
        Api.addMember(ic, room, observer, "observer");
        try (WsClient ws = WsClient.connect(observer, room, null)) {
            ws.next("welcome");
            ws.command("sev", "room.severity", Map.of("severity", "SEV1"));
            JsonNode result = ws.result("sev");
            assertEquals("forbidden", result.path("error").path("code").asText());
            ws.command("note", "note.add", Map.of("text", "observers only watch"));
            assertEquals("forbidden", ws.result("note").path("error").path("code").asText());
        }
        assertEquals(3, Api.headSeq(ic, room));
    }

    @Test
    void sameCommandIdTwice_appendsOneEvent_andAnswersTheSameResult() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Idempotent");
        try (WsClient ws = WsClient.connect(ic, room, null)) {
            ws.next("welcome");
            ws.command("dup", "note.add", Map.of("text", "only once"));
            JsonNode first = ws.result("dup");
            ws.command("dup", "note.add", Map.of("text", "only once"));
            JsonNode second = ws.result("dup");
            assertEquals(first, second);
            List<JsonNode> events = ws.drain(Duration.ofMillis(300)).stream().filter(f -> f.path("type").asText().equals("event")).toList();
            assertTrue(events.size() <= 1);
        }
        assertEquals(3, Api.headSeq(ic, room));
    }

    @Test
    void resume_withSince_deliversExactlyTheMissedEvents_thenLiveOnes() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Resume");
        Api.addMember(ic, room, legal, "legal");
        long lastSeen;
        try (WsClient ws = WsClient.connect(legal, room, null)) {
            lastSeen = ws.next("welcome").path("seq").asLong();
        }
        for (int i = 1; i <= 5; i++) {
            Api.command(ic, room, "note.add", Map.of("text", "while away " + i)).then().statusCode(200);
        }
        try (WsClient ws = WsClient.connect(legal, room, "since=" + lastSeen)) {
            assertEquals(lastSeen + 5, ws.next().path("seq").asLong(), "welcome first, at the head");
            List<JsonNode> missed = ws.eventsUpTo(lastSeen + 5);
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L), seqs(missed));
            Api.command(ic, room, "note.add", Map.of("text", "live again")).then().statusCode(200);
            assertEquals(List.of("live again"), texts(ws.eventsUpTo(9)));
        }
    }

    @Test
    void resume_thousandsOfEventsBehind_hasNoGapAndNoDuplicate() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Far behind");
        int writers = 4;
        int perWriter = 500;
        int count = writers * perWriter;
        for (int w = 0; w < writers; w++) {
            User writer = w == 0 ? ic : Api.newUser("Writer " + w);
            if (w > 0) {
                Api.addMember(ic, room, writer, "scribe");
            }
            try (WsClient ws = WsClient.connect(writer, room, null)) {
                ws.next("welcome");
                for (int i = 0; i < perWriter; i++) {
                    ws.command("bulk-" + w + "-" + i, "note.add", Map.of("text", "n" + i));
                }
                ws.awaitResult("bulk-" + w + "-" + (perWriter - 1), Duration.ofSeconds(90));
            }
        }
        long head = 2 + (writers - 1) + count;
        try (WsClient reader = WsClient.connect(ic, room, "since=1")) {
            assertEquals(head, reader.next("welcome").path("seq").asLong());
            List<JsonNode> events = reader.eventsUpTo(head);
            List<Long> expected = new ArrayList<>();
            for (long s = 2; s <= head; s++) {
                expected.add(s);
            }
            assertEquals(expected, seqs(events));
            assertTrue(reader.drain(Duration.ofMillis(300)).isEmpty());
        }
    }

    @Test
    void concurrentWriters_getAGaplessSeq_andEveryClientSeesTheSameOrder() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Concurrency");
        int writers = 6;
        int perWriter = 40;
        List<User> users = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            User user = Api.newUser("Writer " + w);
            Api.addMember(ic, room, user, "scribe");
            users.add(user);
        }
        long start = Api.headSeq(ic, room);
        long end = start + (long) writers * perWriter;
        List<WsClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (User user : users) {
                WsClient client = WsClient.connect(user, room, null);
                client.next("welcome");
                clients.add(client);
            }
            List<Future<?>> sends = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                WsClient client = clients.get(w);
                int writer = w;
                sends.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        client.command("w" + writer + "-" + i, "note.add", Map.of("text", "w" + writer + "-" + i));
                    }
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
            List<List<String>> orders = new ArrayList<>();
            for (WsClient client : clients) {
                List<JsonNode> events = client.eventsUpTo(end);
                List<Long> expected = new ArrayList<>();
                for (long s = start + 1; s <= end; s++) {
                    expected.add(s);
                }
                assertEquals(expected, seqs(events), "gapless, no duplicates, in order");
                orders.add(events.stream().map(e -> e.path("seq").asLong() + ":" + e.path("commandId").asText()).toList());
            }
            for (List<String> order : orders) {
                assertEquals(orders.get(0), order, "every client sees the same order");
            }
            Set<String> commandIds = new HashSet<>();
            orders.get(0).forEach(entry -> commandIds.add(entry.substring(entry.indexOf(':') + 1)));
            assertEquals(writers * perWriter, commandIds.size(), "each command appended exactly once");
        } finally {
            clients.forEach(WsClient::close);
            pool.shutdownNow();
        }
    }

    @Test
    void restrictedNote_reachesOnlyItsRoles_andTheIc_live_andAfterResume() {
        User ic = Api.newUser("Ines");
        User legal = Api.newUser("Lea");
        User exec = Api.newUser("Erin");
        UUID room = Api.newIncident(ic, "Privileged");
        Api.addMember(ic, room, legal, "legal");
        Api.addMember(ic, room, exec, "executive");
        try (WsClient icWs = WsClient.connect(ic, room, null);
                WsClient legalWs = WsClient.connect(legal, room, null);
                WsClient execWs = WsClient.connect(exec, room, null)) {
            icWs.next("welcome");
            legalWs.next("welcome");
            execWs.next("welcome");
            legalWs.command("secret", "note.add", Map.of("text", "privileged advice", "visibleTo", List.of("legal")));
            legalWs.result("secret");
            icWs.command("public", "note.add", Map.of("text", "public update"));
            icWs.result("public");

            assertEquals(List.of("privileged advice", "public update"), texts(icWs.eventsUpTo(6)));
            assertEquals(List.of("privileged advice", "public update"), texts(legalWs.eventsUpTo(6)));
            assertEquals(List.of("public update"), texts(execWs.eventsUpTo(6)));
        }
        try (WsClient execWs = WsClient.connect(exec, room, "since=0")) {
            JsonNode welcome = execWs.next("welcome");
            assertEquals(1, welcome.path("room").path("notes").size());
            assertEquals(List.of("public update"), texts(execWs.eventsUpTo(6)));
        }
        try (WsClient legalWs = WsClient.connect(legal, room, "since=0")) {
            legalWs.next("welcome");
            assertEquals(List.of("privileged advice", "public update"), texts(legalWs.eventsUpTo(6)));
        }
    }

    @Test
    void roleAssignedLive_widensWhatTheConnectionMaySee() {
        User ic = Api.newUser("Ines");
        User exec = Api.newUser("Erin");
        UUID room = Api.newIncident(ic, "Widening");
        Api.addMember(ic, room, exec, "executive");
        try (WsClient execWs = WsClient.connect(exec, room, null)) {
            execWs.next("welcome");
            Api.command(ic, room, "note.add", Map.of("text", "legal only, before", "visibleTo", List.of("legal"))).then().statusCode(200);
            Api.command(ic, room, "role.assign", Map.of("userId", exec.id().toString(), "role", "legal")).then().statusCode(200);
            Api.command(ic, room, "note.add", Map.of("text", "legal only, after", "visibleTo", List.of("legal"))).then().statusCode(200);
            List<JsonNode> events = execWs.eventsUpTo(6);
            assertEquals(List.of(5L, 6L), seqs(events));
            assertEquals(List.of("legal only, after"), texts(events));
        }
    }
}

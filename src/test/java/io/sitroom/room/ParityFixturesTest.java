package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.clock.MutableClock;
import io.sitroom.clock.WireTime;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/**
 * Writes the fixtures of the web client's parity test ({@code frontend/src/parity.test.ts}): random
 * room histories, built through the public API as members would build them, each cut at a random seq
 * {@code n}. For every member present at {@code n} a fixture holds the snapshot at {@code n} as that
 * member sees it, every frame that member's socket received after it (events and {@code can} frames,
 * exactly as the server sent them) up to the head {@code m}, the snapshot at {@code m}, and the clock's
 * time then. The client, folding those frames into the first snapshot with its reducers, must arrive
 * at the second one exactly.
 *
 * <p>Everything runs on one thread on a frozen clock: no append can fall between the snapshot and
 * the socket's welcome, and timers that fell due are fired before every snapshot, so "overdue" means
 * the same on both sides.
 *
 * <p>One limit, on purpose: between {@code n} and {@code m} nobody gains or loses a role that
 * changes what someone may see (a restricted note's roles, an update's audience, an inject's
 * addressees, a room's lead). A member who gains such a role may see, in the snapshot at {@code m},
 * items that were recorded before {@code n} and that no frame carries, so no client could derive
 * them except from a snapshot for its new roles: the server sends one ({@code resync}); see
 * {@link #ROLE_CHANGES_IN_WINDOW}. Before {@code n} every role changes hands freely.
 */
@QuarkusTest
class ParityFixturesTest {

    static final Path DIR = Path.of("target", "parity-fixtures");
    /** The seeds played: all of them, or the first {@code parity.seeds} (the PostgreSQL pass plays two). */
    static final long[] SEEDS = java.util.Arrays.copyOf(new long[] {1, 7, 42, 2024, 99991},
            Math.min(5, Integer.getInteger("parity.seeds", 5)));

    /**
     * True (the default): in the window any role changes hands, those that visibility rules name too; a
     * member whose roles change gets a {@code resync} frame (the snapshot for its new roles), which the
     * client's replay takes as its new state. False keeps role changes in the window to roles no
     * visibility rule names (scribe, observer, participant).
     */
    static final boolean ROLE_CHANGES_IN_WINDOW = !"false".equals(System.getProperty("parity.roleChangesInWindow"));

    static final List<String> INCIDENT_ROLES = List.of("incident_commander", "containment_lead", "comms_approver", "legal", "scribe",
            "executive", "observer");
    static final List<String> NEUTRAL_ROLES = List.of("scribe", "observer", "participant");
    /** Roles named by restricted notes (updates name executive, containment_lead and legal by audience). */
    static final List<String> VISIBILITY_ROLES = List.of("legal", "executive", "containment_lead", "comms_approver");
    static final List<String> APPROVER_ROLES = List.of("incident_commander", "containment_lead", "comms_approver", "legal", "executive",
            "scribe");
    static final List<String> AUDIENCES = List.of("all", "executive", "engineering", "legal");
    static final List<String> ACTION_STATUSES = List.of("open", "in_progress", "blocked", "done", "cancelled");
    static final List<String> PHASES = List.of("detection", "analysis", "containment", "eradication", "recovery", "post_incident",
            "closed");
    static final List<String> INJECTS = List.of("kickoff", "legal-brief", "exec-ask", "decision-point", "notify-yes", "notify-no",
            "escalation", "curveball");
    static final List<String> SCENARIO_ROLES = List.of("incident_commander", "containment_lead", "comms_approver", "legal", "executive");
    static final List<String> TYPES = List.of("ransomware", "leaked-credentials", "phishing-account-takeover", "ddos",
            "insider-data-theft", "third-party-breach");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    @BeforeAll
    static void cleanDirectory() throws IOException {
        Files.createDirectories(DIR);
        try (Stream<Path> old = Files.list(DIR)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.delete(p);
            }
        }
    }

    private static volatile String parityTracker;

    /** A tracker for action.track, configured by the admin once; its address answers nothing. */
    private static synchronized String parityTracker() {
        if (parityTracker == null) {
            parityTracker = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("name", "Parity tracker", "kind", "jira", "baseUrl", "http://127.0.0.1:9", "target", "PAR",
                            "token", "parity-token", "webhookSecret", "parity-webhook-secret-0123456789"))
                    .post("/api/admin/trackers").then().statusCode(201).extract().path("id");
        }
        return parityTracker;
    }

    @BeforeEach
    void freeze() {
        clock.freeze();
    }

    @AfterEach
    void unfreeze() {
        clock.unfreeze();
    }

    @Test
    void randomIncidents_writeAFixtureForEveryMember_atEverySeed() {
        int written = 0;
        for (long seed : SEEDS) {
            written += new History(seed, false).play();
        }
        assertTrue(written >= SEEDS.length * 8, "fixtures written: " + written);
    }

    @Test
    void randomExercises_writeAFixtureForEveryMember_atEverySeed() {
        int written = 0;
        for (long seed : SEEDS) {
            written += new History(seed, true).play();
        }
        assertTrue(written >= SEEDS.length * 8, "fixtures written: " + written);
    }

    /** One random room history, cut once. */
    final class History {

        final long seed;
        final boolean exercise;
        /** Chooses the actions linked to a tracker, apart from {@code random}. */
        final Random links;
        final Random random;
        final List<User> people = new ArrayList<>();
        final Map<UUID, User> byId = new HashMap<>();
        User creator;
        UUID room;
        /** The room as its lead saw it after the last step. */
        JsonNode state;
        boolean inWindow;
        /** Whether the exercise starts only after n, so the window sees its start and first injects. */
        final boolean startInWindow;
        /** An incident opens with a type (0), has one applied before n (1) or only in the window (2). */
        final int typeWhen;
        /** How far this history moved the clock: kept under the tokens' 12 hours. */
        Duration advanced = Duration.ZERO;
        int counter;
        final Map<String, Integer> commandsSent = new TreeMap<>();

        History(long seed, boolean exercise) {
            this.seed = seed;
            this.exercise = exercise;
            this.random = new Random(seed * 31 + (exercise ? 1 : 0));
            this.links = new Random(seed * 37 + 5);
            this.startInWindow = exercise && random.nextInt(3) == 0;
            this.typeWhen = exercise ? -1 : random.nextInt(3);
        }

        int play() {
            // Each history turns the clock back to where it started when done: tokens live 12 hours on
            // this clock, and the accounts of the next history and of other tests must stay signed in.
            Instant start = clock.instant();
            try {
                return playFromHere();
            } finally {
                clock.advance(Duration.between(clock.instant(), start));
            }
        }

        private int playFromHere() {
            long began = System.nanoTime();
            setUp();
            int before = 60 + random.nextInt(60);
            for (int i = 0; i < before; i++) {
                step();
            }
            if ("closed".equals(state.path("phase").asText())) {
                // Someone joins in the window, and a closed room takes no one in (409): it is reopened first.
                send(currentLead(), "room.phase", Map.of("phase", "recovery"));
                refresh();
            }
            settle();
            long n = head();
            // Every member present at n: their snapshot, then a socket whose welcome is that snapshot.
            Map<User, JsonNode> first = new LinkedHashMap<>();
            Map<User, WsClient> sockets = new LinkedHashMap<>();
            try {
                for (User u : members()) {
                    JsonNode snapshot = snapshot(u);
                    WsClient socket = WsClient.connect(u, room, null);
                    JsonNode welcome = socket.next();
                    assertEquals("welcome", welcome.path("type").asText());
                    assertEquals(snapshot, welcome.path("room"), "the welcome is the snapshot at " + n);
                    first.put(u, snapshot);
                    sockets.put(u, socket);
                }
                inWindow = true;
                // Someone joins by invitation in the window (with a role no visibility rule names).
                join("Late " + seed, pick(NEUTRAL_ROLES));
                if (typeWhen == 2) {
                    send(currentLead(), "playbook.apply", Map.of("type", pick(TYPES)));
                    refresh();
                }
                int after = 40 + random.nextInt(60);
                for (int i = 0; i < after; i++) {
                    step();
                }
                if ("closed".equals(state.path("phase").asText())) {
                    send(currentLead(), "room.phase", Map.of("phase", "recovery"));
                }
                if (exercise && seed % 2 == 1) {
                    // Some exercises end in the window (and time passes after: nothing more plays).
                    send(currentLead(), "exercise.end", Map.of());
                    time();
                    if (seed % 4 == 1) {
                        send(currentLead(), "report.release", Map.of());
                    }
                }
                settle();
                // A last note for everyone: every socket has received all it will receive once it has this.
                send(currentLead(), "note.add", Map.of("text", "end of window " + seed));
                refresh();
                long m = head();
                String now = WireTime.format(clock.instant());
                int written = 0;
                for (Map.Entry<User, WsClient> entry : sockets.entrySet()) {
                    User u = entry.getKey();
                    ArrayNode frames = JSON.createArrayNode();
                    while (true) {
                        JsonNode frame = entry.getValue().next();
                        frames.add(frame);
                        if ("event".equals(frame.path("type").asText()) && frame.path("seq").asLong() >= m) {
                            break;
                        }
                    }
                    JsonNode last = snapshot(u);
                    assertEquals(m, last.path("seq").asLong());
                    checkRestPageAgrees(u, first.get(u), last, n, frames);
                    write(u, first.get(u), frames, last, n, m, now);
                    written++;
                }
                System.out.printf("parity history %s seed %d: seq %d..%d, %d fixtures, %d ms%n", exercise ? "exercise" : "incident", seed, n, m,
                        written, (System.nanoTime() - began) / 1_000_000);
                return written;
            } finally {
                sockets.values().forEach(WsClient::close);
            }
        }

        /** Where the viewer's roles did not change, the REST page since n is exactly what the socket sent. */
        private void checkRestPageAgrees(User u, JsonNode before, JsonNode after, long n, ArrayNode frames) {
            if (!rolesOf(before, u.id()).equals(rolesOf(after, u.id()))) {
                return;
            }
            // Roles that changed and changed back in the window: the socket sent what the roles of the
            // moment let the member see, the page what the roles now do.
            Set<String> held = new java.util.TreeSet<>(rolesOf(before, u.id()));
            for (JsonNode f : frames) {
                if ("resync".equals(f.path("type").asText())) {
                    return;
                }
                JsonNode then = f.path("data").path("rolesAfter").path(u.id().toString());
                if (then.isArray()) {
                    Set<String> roles = new java.util.TreeSet<>();
                    then.forEach(r -> roles.add(r.asText()));
                    if (!roles.equals(held)) {
                        return;
                    }
                }
            }
            List<JsonNode> socketEvents = new ArrayList<>();
            frames.forEach(f -> {
                if ("event".equals(f.path("type").asText())) {
                    socketEvents.add(f);
                }
            });
            List<JsonNode> page = new ArrayList<>();
            long since = n;
            boolean more = true;
            while (more) {
                JsonNode body = read(u.as().get("/api/rooms/" + room + "/events?limit=1000&since=" + since).then().statusCode(200)
                        .extract().asString());
                body.path("events").forEach(page::add);
                since = body.path("nextSince").asLong();
                more = body.path("hasMore").asBoolean();
            }
            for (int i = 0; i < Math.max(page.size(), socketEvents.size()); i++) {
                JsonNode rest = i < page.size() ? page.get(i) : null;
                JsonNode socket = i < socketEvents.size() ? socketEvents.get(i) : null;
                if (rest != null && socket != null && rest.path("erased").asBoolean()) {
                    // Erased since it was sent live: the page has it without its data, as clients hold it once event.erased came.
                    ObjectNode withoutData = socket.deepCopy();
                    withoutData.remove("data");
                    withoutData.put("erased", true);
                    socket = withoutData;
                }
                // The live frame writes the event's record (300.0), the page its stored canonical JSON (300): same numbers.
                assertTrue(rest != null && socket != null && rest.equals(SAME_VALUE, socket),
                        "REST event #" + i + " since " + n + " for " + u.displayName() + ": " + rest + " but the socket sent " + socket);
            }
        }

        private void write(User u, JsonNode before, ArrayNode frames, JsonNode after, long n, long m, String now) {
            ObjectNode fixture = JSON.createObjectNode();
            String name = (exercise ? "exercise" : "incident") + "-seed" + seed + "-" + u.displayName().replaceAll("[^A-Za-z0-9]+", "_");
            fixture.put("name", name);
            fixture.put("seed", seed);
            fixture.put("kind", exercise ? "EXERCISE" : "INCIDENT");
            ObjectNode viewer = fixture.putObject("viewer");
            viewer.put("userId", u.id().toString());
            viewer.put("displayName", u.displayName());
            viewer.set("rolesBefore", JSON.valueToTree(rolesOf(before, u.id())));
            viewer.set("rolesAfter", JSON.valueToTree(rolesOf(after, u.id())));
            fixture.put("n", n);
            fixture.put("m", m);
            fixture.put("now", now);
            fixture.set("commands", JSON.valueToTree(commandsSent));
            fixture.set("before", before);
            fixture.set("frames", frames);
            fixture.set("after", after);
            try {
                JSON.writerWithDefaultPrettyPrinter().writeValue(DIR.resolve(name + ".json").toFile(), fixture);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // --- the room and its people -----------------------------------------------------------

        private void setUp() {
            creator = person(exercise ? "Fran Facilitator" : "Ines Commander");
            if (exercise) {
                room = Api.newExercise(creator, "test-drill");
            } else if (typeWhen == 0) {
                String id = creator.as().body(Map.of("kind", "INCIDENT", "title", "Parity incident " + seed, "type", pick(TYPES)))
                        .post("/api/rooms").then().statusCode(201).extract().path("id");
                room = UUID.fromString(id);
            } else {
                room = Api.newIncident(creator, "Parity incident " + seed);
            }
            refresh();
            String[][] cast = exercise
                    ? new String[][] { {"Ian Player", "incident_commander"}, {"Cal Player", "containment_lead"},
                        {"Cora Player", "comms_approver"}, {"Lee Player", "legal"}, {"Eve Player", "executive"},
                        {"Pat Player", "participant"}, {"Obi Player", "observer"}}
                    : new String[][] { {"Cal Containment", "containment_lead"}, {"Cora Comms", "comms_approver"}, {"Lee Legal", "legal"},
                        {"Sam Scribe", "scribe"}, {"Eve Executive", "executive"}, {"Obi Observer", "observer"}};
            for (String[] who : cast) {
                if (exercise) {
                    join(who[0], who[1]);
                } else {
                    add(person(who[0]), who[1]);
                }
            }
            // Someone with two roles, and (in an incident) a guest who came by invitation.
            add(person("Dee Dual"), "legal", "executive");
            if (!exercise) {
                join("Gus Guest", "scribe");
            }
        }

        private User person(String displayName) {
            User u = Api.newUser(displayName);
            people.add(u);
            byId.put(u.id(), u);
            return u;
        }

        private void add(User u, String... roles) {
            Api.addMember(currentLead(), room, u, roles);
            count("member.add");
            refresh();
        }

        private void join(String displayName, String role) {
            User u = Api.join(Api.invite(currentLead(), room, role), displayName);
            people.add(u);
            byId.put(u.id(), u);
            count("invite.join");
            refresh();
        }

        // --- one random step --------------------------------------------------------------------

        private void step() {
            int roll = random.nextInt(100);
            if (exercise && roll < 20) {
                playback();
            } else if (exercise && roll < 26) {
                expected();
            } else if (exercise && roll < 33) {
                improvise();
            } else if (!exercise && roll < 16) {
                playbook();
            } else if (roll < 36) {
                notes();
            } else if (roll < 40) {
                roomChange();
            } else if (roll < 47) {
                roles();
            } else if (roll < 58) {
                decisions();
            } else if (roll < 67) {
                actions();
            } else if (roll < 73) {
                updates();
            } else if (roll < 82) {
                statements();
            } else if (roll < 89) {
                acks();
            } else {
                time();
            }
            refresh();
        }

        private void notes() {
            int burst = random.nextInt(10) == 0 ? 15 + random.nextInt(30) : 1;
            for (int i = 0; i < burst; i++) {
                User by = anyMember();
                Map<String, Object> data = new HashMap<>();
                data.put("text", "note " + (++counter) + (random.nextBoolean() ? " ✓ äö\nsecond line" : ""));
                if (random.nextInt(3) == 0) {
                    data.put("visibleTo", some(VISIBILITY_ROLES, 1 + random.nextInt(2)));
                }
                send(by, "note.add", data);
            }
            if (!exercise && random.nextInt(5) == 0) {
                erase();
            }
        }

        /** Legal asks to erase a note's content and the admin approves: the note keeps its place, without its text. */
        private void erase() {
            List<JsonNode> notes = new ArrayList<>();
            state.path("notes").forEach(n -> {
                if (!n.path("erased").asBoolean()) {
                    notes.add(n);
                }
            });
            if (notes.isEmpty()) {
                return;
            }
            User legal = holderOf(JSON.valueToTree(List.of("legal")));
            var asked = Api.command(legal, room, "erasure.request", Map.of("seq", pick(notes).path("seq").asLong(), "reason",
                    "GDPR request " + (++counter)));
            count("erasure.request" + (asked.statusCode() == 200 ? "" : " (refused)"));
            if (asked.statusCode() != 200) {
                return;
            }
            long requested = asked.jsonPath().getLong("seq");
            String erasureId = legal.as().get("/api/rooms/" + room + "/events?since=" + (requested - 1) + "&limit=1").then().statusCode(200)
                    .extract().path("events[0].data.erasureId");
            int approved = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken())
                    .post("/api/admin/erasures/" + erasureId + "/approve").then().extract().statusCode();
            count("erasure.approve" + (approved == 200 ? "" : " (refused)"));
        }

        private void roomChange() {
            if (random.nextBoolean()) {
                send(currentLead(), "room.severity", Map.of("severity", "SEV" + (1 + random.nextInt(4))));
            } else {
                String phase = "closed".equals(state.path("phase").asText()) || random.nextInt(6) != 0
                        ? pick(PHASES.subList(0, PHASES.size() - 1)) : "closed";
                send(currentLead(), "room.phase", Map.of("phase", phase));
            }
        }

        private void roles() {
            boolean free = !inWindow || ROLE_CHANGES_IN_WINDOW;
            List<String> pool = free ? (exercise ? List.of("incident_commander", "containment_lead", "comms_approver", "legal", "executive",
                    "scribe", "observer", "participant") : INCIDENT_ROLES) : NEUTRAL_ROLES;
            int roll = random.nextInt(10);
            if (roll < 4) {
                send(random.nextInt(5) == 0 ? anyMember() : currentLead(), "role.assign",
                        Map.of("userId", anyMember().id().toString(), "role", pick(pool)));
            } else if (roll < 7) {
                User holder = anyMember();
                List<String> held = new ArrayList<>(rolesOf(state, holder.id()));
                held.retainAll(free ? List.of("incident_commander", "containment_lead", "comms_approver", "legal", "executive", "scribe",
                        "observer", "participant", "facilitator") : NEUTRAL_ROLES);
                if (held.isEmpty()) {
                    return;
                }
                send(random.nextBoolean() ? holder : currentLead(), "role.release",
                        Map.of("userId", holder.id().toString(), "role", pick(held)));
            } else if (roll < 9) {
                User from = anyMember();
                List<String> held = new ArrayList<>(rolesOf(state, from.id()));
                if (!free) {
                    held.retainAll(NEUTRAL_ROLES);
                }
                held.remove("facilitator"); // the exercise keeps its facilitator: handing it over is a lead change like the IC's
                if (held.isEmpty()) {
                    return;
                }
                send(from, "role.handover", Map.of("role", pick(held), "toUserId", anyMember().id().toString()));
            } else if (!"closed".equals(state.path("phase").asText())) { // a closed room takes no one in (409)
                User newcomer = person("New " + (++counter));
                Api.addMember(currentLead(), room, newcomer, free ? pick(pool) : pick(NEUTRAL_ROLES));
                count("member.add");
            }
        }

        private void decisions() {
            List<JsonNode> proposed = items("decisions", d -> "proposed".equals(d.path("status").asText()));
            int roll = random.nextInt(10);
            if (roll < 4 || proposed.isEmpty()) {
                Map<String, Object> data = new HashMap<>();
                data.put("title", (random.nextInt(3) == 0 ? "Notify the regulator " : "Isolate segment ") + (++counter));
                data.put("choice", "Yes, now");
                data.put("rationale", "Because the evidence points that way and waiting costs more " + counter);
                data.put("approvers", some(APPROVER_ROLES, 1 + random.nextInt(3)));
                if (random.nextBoolean()) {
                    data.put("options", List.of("Yes, now", "Wait a day", "No"));
                }
                if (random.nextBoolean()) {
                    data.put("context", "Context " + counter);
                }
                if (random.nextInt(3) == 0) {
                    data.put("expiresAt", later(5 + random.nextInt(90)));
                }
                List<JsonNode> accepted = items("decisions", d -> "accepted".equals(d.path("status").asText()));
                if (!accepted.isEmpty() && random.nextInt(3) == 0) {
                    data.put("supersedes", pick(accepted).path("decisionId").asText());
                }
                send(working(), "decision.propose", data);
                return;
            }
            JsonNode decision = pick(proposed);
            User voter = holderOf(decision.path("approvers"));
            String id = decision.path("decisionId").asText();
            if (roll < 8) {
                send(voter, "decision.approve", random.nextBoolean() ? Map.of("decisionId", id) : Map.of("decisionId", id, "comment", "ok " + counter));
            } else {
                send(voter, "decision.reject", Map.of("decisionId", id, "reason", "not yet " + (++counter)));
            }
        }

        private void actions() {
            List<JsonNode> actions = items("actions", a -> true);
            if (random.nextInt(2) == 0 || actions.isEmpty()) {
                Map<String, Object> data = new HashMap<>();
                data.put("title", "Action " + (++counter));
                int owner = random.nextInt(3);
                if (owner == 0) {
                    data.put("ownerId", anyMember().id().toString());
                } else if (owner == 1) {
                    data.put("ownerRole", pick(List.of("containment_lead", "legal", "scribe", "comms_approver")));
                }
                if (random.nextInt(3) != 0) {
                    data.put("dueAt", later(1 + random.nextInt(60)));
                }
                if (random.nextBoolean()) {
                    data.put("risk", Map.of("likelihood", 1 + random.nextInt(5), "impact", 1 + random.nextInt(5), "exposure",
                            1 + random.nextInt(5), "effort", 1 + random.nextInt(5)));
                }
                List<JsonNode> decisions = items("decisions", d -> true);
                if (!decisions.isEmpty() && random.nextInt(4) == 0) {
                    data.put("decisionId", pick(decisions).path("decisionId").asText());
                }
                send(working(), "action.create", data);
                return;
            }
            if (!exercise && links.nextInt(5) == 0) {
                // Linked to a tracker that answers nothing (action.link_requested now, action.link_failed when the worker gives up),
                // by a Random of its own, so that the histories are otherwise the ones they were before trackers.
                JsonNode linked = actions.get(links.nextInt(actions.size()));
                send(currentLead(), "action.track", Map.of("actionId", linked.path("actionId").asText(), "trackerId", parityTracker()));
            }
            JsonNode action = pick(actions);
            User by = action.path("owner").path("userId").isTextual() && random.nextBoolean()
                    ? byId.getOrDefault(UUID.fromString(action.path("owner").path("userId").asText()), currentLead())
                    : currentLead();
            Map<String, Object> data = new HashMap<>();
            data.put("actionId", action.path("actionId").asText());
            data.put("status", pick(ACTION_STATUSES));
            if (random.nextBoolean()) {
                data.put("note", "progress " + (++counter));
            }
            send(by, "action.update", data);
        }

        private void updates() {
            String audience = pick(AUDIENCES);
            Map<String, Object> data = new HashMap<>();
            data.put("audience", audience);
            data.put("summary", "Status " + (++counter));
            switch (audience) {
                case "executive" -> {
                    data.put("impact", "Payroll late by a day");
                    if (random.nextBoolean()) {
                        data.put("decisionNeeded", "Pay the overtime?");
                    }
                    if (random.nextInt(3) == 0) {
                        data.put("nextUpdateAt", later(10 + random.nextInt(120)));
                    }
                }
                case "engineering" -> data.put("rootCause", "A stale credential");
                case "legal" -> {
                    data.put("exposure", "Personal data of 2,000 staff");
                    if (random.nextBoolean()) {
                        data.put("obligations", "72 hours to notify");
                    }
                }
                default -> {
                }
            }
            send(holderOf(JSON.valueToTree(List.of("incident_commander", "scribe", "comms_approver", "facilitator"))), "update.post", data);
        }

        private void statements() {
            List<JsonNode> statements = items("statements", s -> true);
            int roll = random.nextInt(10);
            if (roll < 3 || statements.isEmpty()) {
                boolean revise = !statements.isEmpty() && random.nextBoolean();
                Map<String, Object> data = new HashMap<>();
                if (revise) {
                    data.put("statementId", pick(statements).path("statementId").asText());
                }
                data.put("title", "Statement " + (random.nextInt(4) == 0 ? "A" : String.valueOf(++counter)));
                data.put("body", "We are investigating. " + (random.nextInt(4) == 0 ? "" : counter));
                data.put("channel", pick(List.of("website", "press", "staff")));
                send(holderOf(JSON.valueToTree(List.of("comms_approver", "incident_commander"))), "statement.draft", data);
            } else if (roll < 8) {
                JsonNode s = pick(statements);
                Map<String, Object> data = new HashMap<>();
                data.put("statementId", s.path("statementId").asText());
                if (random.nextInt(4) == 0) {
                    data.put("as", pick(List.of("legal", "comms_approver")));
                }
                send(holderOf(JSON.valueToTree(List.of("comms_approver", "legal"))), "statement.approve", data);
            } else {
                send(holderOf(JSON.valueToTree(List.of("comms_approver"))), "statement.publish",
                        Map.of("statementId", pick(statements).path("statementId").asText()));
            }
        }

        private void acks() {
            List<JsonNode> open = items("acks", a -> a.path("pending").size() > 0);
            if (random.nextInt(3) == 0 || open.isEmpty()) {
                send(currentLead(), "ack.request", Map.of("about", 1 + random.nextInt((int) Math.max(1, state.path("seq").asLong())),
                        "roles", some(List.of("containment_lead", "comms_approver", "legal", "executive", "scribe", "incident_commander"),
                                1 + random.nextInt(3))));
                return;
            }
            JsonNode ack = pick(open);
            send(holderOf(ack.path("pending")), "ack.give", Map.of("ackId", ack.path("ackId").asText()));
        }

        /**
         * The incident's type: applied (by the IC, now and then by someone who may not, or a type that
         * does not exist), then its checklist worked and its custom fields set, with values of their type
         * and now and then values the server refuses.
         */
        private void playbook() {
            if (!state.path("playbook").isObject()) {
                if (typeWhen == 2 && !inWindow) {
                    notes();
                    return;
                }
                String type = random.nextInt(8) == 0 ? "no-such-type" : pick(TYPES);
                send(random.nextInt(6) == 0 ? anyMember() : currentLead(), "playbook.apply", Map.of("type", type));
                return;
            }
            int roll = random.nextInt(20);
            if (roll == 0) {
                send(currentLead(), "playbook.apply", Map.of("type", pick(TYPES))); // a room has one type: refused
            } else if (roll < 8 && state.path("fields").size() > 0) {
                field();
            } else {
                checklist();
            }
        }

        private void checklist() {
            JsonNode item = pick(items("checklist", i -> true));
            String itemId = random.nextInt(25) == 0 ? "no-such-item" : item.path("itemId").asText();
            String assignee = item.path("assigneeId").asText(null);
            User by = assignee != null && random.nextInt(3) == 0 ? byId.getOrDefault(UUID.fromString(assignee), currentLead())
                    : holderOf(JSON.valueToTree(List.of(item.path("ownerRole").asText(), "incident_commander")));
            String status = item.path("status").asText();
            int roll = random.nextInt(10);
            if (roll < 2) {
                Map<String, Object> data = new HashMap<>();
                data.put("itemId", itemId);
                data.put("userId", random.nextInt(4) == 0 ? null : anyMember().id().toString());
                send(random.nextInt(5) == 0 ? anyMember() : currentLead(), "checklist.assign", data);
            } else if ("open".equals(status) && roll < 8) {
                send(by, "checklist.check", random.nextBoolean() ? Map.of("itemId", itemId) : Map.of("itemId", itemId, "note", "done " + (++counter)));
            } else if ("open".equals(status)) {
                send(by, "checklist.skip", random.nextInt(5) == 0 ? Map.of("itemId", itemId, "reason", " ")
                        : Map.of("itemId", itemId, "reason", "not for us " + (++counter)));
            } else if (roll < 7) {
                send(by, "checklist.uncheck", Map.of("itemId", itemId));
            } else {
                send(by, random.nextBoolean() ? "checklist.check" : "checklist.skip", Map.of("itemId", itemId, "reason", "again")); // refused
            }
        }

        private void field() {
            JsonNode field = pick(items("fields", f -> true));
            boolean wrong = random.nextInt(6) == 0;
            List<String> options = new ArrayList<>();
            field.path("options").forEach(o -> options.add(o.asText()));
            List<String> values = switch (field.path("type").asText()) {
                case "number" -> List.of(wrong ? "a dozen" : pick(List.of("3", "12.50", "-7", "1e3", "0.000", "250000")));
                case "date" -> List.of(wrong ? "30/11/2026" : pick(List.of("2026-11-30", "2024-02-29", "2025-01-01")));
                case "select" -> List.of(wrong ? "something else" : pick(options));
                case "multi_select" -> wrong ? List.of(options.get(0), options.get(0)) : some(options, 1 + random.nextInt(3));
                case "user" -> List.of(wrong ? UUID.randomUUID().toString() : anyMember().id().toString());
                default -> wrong ? List.of("one", "two") : List.of("Seen in " + (++counter) + (random.nextBoolean() ? " ✓ äö" : ""));
            };
            if (!wrong && random.nextInt(6) == 0) {
                values = List.of(); // cleared
            }
            String fieldId = random.nextInt(25) == 0 ? "no_such_field" : field.path("fieldId").asText();
            send(working(), "field.set", Map.of("fieldId", fieldId, "values", values));
        }

        /**
         * The facilitator improvises: adds an inject (timed or by hand; now and then with an id taken),
         * edits, moves or drops an upcoming one; before the start, plans it and the players check in.
         */
        private void improvise() {
            JsonNode x = state.path("exercise");
            String status = x.path("status").asText();
            if ("ready".equals(status) && random.nextBoolean()) {
                readiness();
                return;
            }
            User f = random.nextInt(10) == 0 ? anyMember() : currentLead();
            long now = x.path("elapsedMs").asLong();
            List<JsonNode> upcoming = new ArrayList<>();
            x.path("injects").forEach(i -> {
                if ("upcoming".equals(i.path("status").asText())) {
                    upcoming.add(i);
                }
            });
            int roll = random.nextInt(10);
            if (roll < 3 || upcoming.isEmpty()) {
                Map<String, Object> data = new HashMap<>();
                int id = random.nextInt(4);
                if (id == 0) {
                    data.put("injectId", "extra-" + (++counter));
                } else if (id == 1 && random.nextInt(3) == 0) {
                    data.put("injectId", pick(INJECTS)); // taken: refused
                }
                data.put("title", "Improvised " + (++counter));
                data.put("body", "Something new happens " + counter + (random.nextBoolean() ? " ✓ äö\nsecond line" : ""));
                data.put("to", some(SCENARIO_ROLES, 1 + random.nextInt(2)));
                if (random.nextBoolean()) {
                    data.put("prompts", List.of("What now " + counter + "?"));
                }
                if (random.nextInt(4) != 0) {
                    data.put("atMs", now + random.nextInt(30 * 60_000));
                }
                send(f, "inject.add", data);
                return;
            }
            String injectId = pick(upcoming).path("id").asText();
            if (roll < 5) {
                Map<String, Object> data = new HashMap<>();
                data.put("injectId", injectId);
                switch (random.nextInt(4)) {
                    case 0 -> data.put("title", "Retitled " + (++counter));
                    case 1 -> data.put("body", "Rewritten " + (++counter));
                    case 2 -> data.put("to", some(SCENARIO_ROLES, 1 + random.nextInt(2)));
                    default -> {
                        data.put("title", "Retitled " + (++counter));
                        data.put("prompts", List.of("Changed question " + counter + "?", "Another?"));
                    }
                }
                send(f, "inject.edit", data);
            } else if (roll < 8) {
                send(f, "inject.move", Map.of("injectId", injectId, "atMs", Math.max(0, now + random.nextInt(40 * 60_000) - 60_000)));
            } else {
                send(f, "inject.drop", Map.of("injectId", injectId));
            }
        }

        /** Before the start: the facilitator plans it (or clears the plan), players confirm they are ready. */
        private void readiness() {
            if (random.nextInt(3) == 0) {
                Map<String, Object> data = new HashMap<>();
                data.put("startsAt", random.nextInt(4) == 0 ? null : later(random.nextInt(8) == 0 ? -5 : 10 + random.nextInt(120)));
                send(random.nextInt(8) == 0 ? anyMember() : currentLead(), "exercise.schedule", data);
            } else {
                send(holderOf(JSON.valueToTree(SCENARIO_ROLES)), "exercise.ready", Map.of());
            }
        }

        /** What the drill's expectations ask for, so some are met (and conditional injects follow). */
        private void expected() {
            User ic = holderOf(JSON.valueToTree(List.of("incident_commander")));
            switch (random.nextInt(4)) {
                case 0 -> send(ic, "update.post", Map.of("audience", "executive", "summary", "Board brief " + (++counter), "impact",
                        "Payroll late"));
                case 1 -> send(ic, "decision.propose", Map.of("title", "Notify the regulator " + (++counter), "choice", "Notify now",
                        "rationale", "Personal data is involved and the 72-hour clock runs", "approvers", List.of("legal")));
                case 2 -> {
                    List<JsonNode> forLegal = items("decisions", d -> "proposed".equals(d.path("status").asText())
                            && d.path("missingApprovers").toString().contains("legal"));
                    if (!forLegal.isEmpty()) {
                        send(holderOf(JSON.valueToTree(List.of("legal"))), "decision.approve",
                                Map.of("decisionId", pick(forLegal).path("decisionId").asText()));
                    }
                }
                default -> {
                    if (!"delivered".equals(injectStatus("legal-brief"))) {
                        return;
                    }
                    send(holderOf(JSON.valueToTree(List.of("legal"))), "inject.respond", Map.of("injectId", "legal-brief", "text", "Called"));
                }
            }
        }

        private String injectStatus(String injectId) {
            for (JsonNode i : state.path("exercise").path("injects")) {
                if (injectId.equals(i.path("id").asText())) {
                    return i.path("status").asText();
                }
            }
            return "";
        }

        private void playback() {
            JsonNode x = state.path("exercise");
            String status = x.path("status").asText();
            int roll = random.nextInt(10);
            User f = currentLead();
            if ("ready".equals(status) && startInWindow && !inWindow) {
                if (random.nextBoolean()) {
                    readiness();
                } else {
                    time();
                }
            } else if ("ready".equals(status) && random.nextInt(3) == 0) {
                readiness();
            } else if ("ready".equals(status)) {
                send(f, "exercise.start", Map.of("speed", pick(List.of(1, 30, 60, 2.5, 120))));
            } else if ("ended".equals(status) && roll < 4) {
                // The report is released once after the end (a second release is refused).
                send(f, "report.release", Map.of());
            } else if (roll < 3) {
                // Players answer what reached them.
                List<String> delivered = new ArrayList<>();
                x.path("injects").forEach(i -> {
                    if ("delivered".equals(i.path("status").asText())) {
                        delivered.add(i.path("id").asText());
                    }
                });
                if (!delivered.isEmpty()) {
                    String inject = pick(delivered);
                    JsonNode to = injectTo(inject);
                    User by = holderOf(to);
                    send(by, "inject.respond", random.nextBoolean() ? Map.of("injectId", inject) : Map.of("injectId", inject, "text", "on it " + counter));
                }
            } else if (roll < 5) {
                send(f, "exercise.inject", Map.of("injectId", pick(INJECTS)));
            } else if (roll < 7) {
                send(f, "running".equals(status) ? "exercise.pause" : "exercise.resume", Map.of());
            } else if (roll < 9) {
                send(f, "exercise.speed", Map.of("speed", pick(List.of(1, 10, 60, 0.5, 2.5, 300))));
            } else if (inWindow && random.nextInt(3) == 0) {
                send(f, "exercise.end", Map.of());
            } else {
                time();
            }
        }

        private JsonNode injectTo(String injectId) {
            for (JsonNode i : state.path("exercise").path("injects")) {
                if (injectId.equals(i.path("id").asText())) {
                    return i.path("to");
                }
            }
            return JSON.createArrayNode();
        }

        /**
         * Time passes, and whatever fell due fires: in an incident up to 25 minutes, now and then up to
         * two hours (update cadences run out); in an exercise up to two minutes (hours of scenario time at speed).
         */
        private void time() {
            Duration step = Duration.ofSeconds(1 + random.nextInt(exercise ? 120 : random.nextInt(4) == 0 ? 120 * 60 : 25 * 60));
            if (advanced.plus(step).compareTo(Duration.ofHours(9)) > 0) {
                step = Duration.ofSeconds(1 + random.nextInt(60));
            }
            clock.advance(step);
            advanced = advanced.plus(step);
            count("time");
            settle();
        }

        private void settle() {
            while (timers.fireDue() > 0) {
                // a timer's events may set the next one due at once (an exercise catching up)
            }
            refresh();
        }

        // --- helpers -----------------------------------------------------------------------------

        private void send(User user, String name, Map<String, ?> data) {
            int status = Api.command(user, room, name, data).then().extract().statusCode();
            count(name + (status == 200 ? "" : " (refused)"));
        }

        private void count(String what) {
            commandsSent.merge(what, 1, Integer::sum);
        }

        private String later(int minutes) {
            return WireTime.format(clock.instant().plus(Duration.ofMinutes(minutes)).plusMillis(random.nextInt(1000)));
        }

        private void refresh() {
            state = snapshot(creator);
            User lead = currentLead();
            if (!lead.equals(creator)) {
                state = snapshot(lead);
            }
        }

        private JsonNode snapshot(User u) {
            return read(u.as().get("/api/rooms/" + room).then().statusCode(200).extract().asString());
        }

        private long head() {
            return state.path("seq").asLong();
        }

        private List<User> members() {
            List<User> result = new ArrayList<>();
            state.path("members").forEach(m -> result.add(byId.get(UUID.fromString(m.path("userId").asText()))));
            return result;
        }

        private User anyMember() {
            return pick(members());
        }

        /** A holder of the room's lead role (the creator's, unless it changed hands). */
        private User currentLead() {
            String lead = exercise ? "facilitator" : "incident_commander";
            List<User> leads = new ArrayList<>();
            for (JsonNode m : state.path("members")) {
                m.path("roles").forEach(r -> {
                    if (lead.equals(r.asText())) {
                        leads.add(byId.get(UUID.fromString(m.path("userId").asText())));
                    }
                });
            }
            return leads.isEmpty() ? creator : leads.get(0);
        }

        private User working() {
            return holderOf(JSON.valueToTree(List.of("incident_commander", "containment_lead", "comms_approver", "legal", "scribe",
                    "facilitator", "participant")));
        }

        /** Mostly a member holding one of {@code roles}; now and then anyone (whose command may be refused). */
        private User holderOf(JsonNode roles) {
            Set<String> wanted = new LinkedHashSet<>();
            roles.forEach(r -> wanted.add(r.asText()));
            List<User> holders = new ArrayList<>();
            for (JsonNode m : state.path("members")) {
                for (JsonNode r : m.path("roles")) {
                    if (wanted.contains(r.asText())) {
                        holders.add(byId.get(UUID.fromString(m.path("userId").asText())));
                        break;
                    }
                }
            }
            return holders.isEmpty() || random.nextInt(8) == 0 ? anyMember() : pick(holders);
        }

        private List<JsonNode> items(String section, java.util.function.Predicate<JsonNode> filter) {
            List<JsonNode> result = new ArrayList<>();
            state.path(section).forEach(item -> {
                if (filter.test(item)) {
                    result.add(item);
                }
            });
            return result;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private List<String> some(List<String> from, int count) {
            List<String> copy = new ArrayList<>(from);
            java.util.Collections.shuffle(copy, random);
            return copy.subList(0, Math.min(count, copy.size())).stream().sorted(Comparator.naturalOrder()).toList();
        }
    }

    static List<String> rolesOf(JsonNode snapshot, UUID userId) {
        for (JsonNode m : snapshot.path("members")) {
            if (userId.toString().equals(m.path("userId").asText())) {
                List<String> roles = new ArrayList<>();
                m.path("roles").forEach(r -> roles.add(r.asText()));
                return roles;
            }
        }
        return List.of();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

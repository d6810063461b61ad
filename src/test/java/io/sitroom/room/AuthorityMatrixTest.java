package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sitroom.clock.MutableClock;
import io.sitroom.invite.Invite;
import io.sitroom.role.Role;
import io.sitroom.statuspage.StatusComponents;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.WsClient;

/**
 * Every command of the catalog x every role, against the policy table: for each command a room is
 * prepared in which the command's preconditions hold (a fresh decision to approve, a statement
 * approved by both to publish, a running exercise to pause...), so that authority is the only reason
 * left to refuse it. Each role is then played by a member holding only that role; the expected
 * outcome comes from the command's declared {@link Authority} (and, for commands whose authority depends
 * on their content, from the roles the prepared content names), never from a copied list. A non-member gets
 * {@code not_found}. Incident commands run in an incident and in an exercise (where the facilitator
 * leads); exercise commands in an exercise.
 */
@QuarkusTest
class AuthorityMatrixTest {

    private static final String SCENARIO = "test-drill";
    /** The roles named by the prepared content of commands whose authority depends on it. */
    private static final Set<Role> DECISION_APPROVERS = EnumSet.of(Role.LEGAL, Role.COMMS_APPROVER);
    private static final Set<Role> ACK_ROLES = EnumSet.of(Role.LEGAL, Role.SCRIBE);
    private static final String DELIVERED_INJECT = "decision-point";

    @Inject
    CommandCatalog catalog;

    @Inject
    MutableClock clock;

    /** The people of the matrix, made once: one account per role, an IC who plays in exercises, two bystanders. */
    private static final class Cast {
        final Map<Role, User> byRole = new EnumMap<>(Role.class);
        final User exercisePlayerIc = Api.newUser("Player IC");
        final User targetA = Api.newUser("Target A");
        final User targetB = Api.newUser("Target B");

        Cast() {
            for (Role role : Role.values()) {
                byRole.put(role, Api.newUser("Only " + role));
            }
        }
    }

    /** One room for one command: its lead, a member per role holding only that role, and two bystanders to act on. */
    private final class Ctx {
        final UUID room;
        final RoomKind kind;
        final User lead;
        final Map<Role, User> actors = new EnumMap<>(Role.class);
        final User targetA;
        final User targetB;
        final Set<String> done = new HashSet<>();

        Ctx(RoomKind kind, Cast cast) {
            this.kind = kind;
            this.targetA = cast.targetA;
            this.targetB = cast.targetB;
            Role leadRole = kind.leadRole();
            this.lead = cast.byRole.get(leadRole);
            this.room = kind == RoomKind.EXERCISE ? Api.newExercise(lead, SCENARIO) : Api.newIncident(lead, "Matrix");
            for (Role role : roles(kind)) {
                User actor = kind == RoomKind.EXERCISE && role == Role.INCIDENT_COMMANDER ? cast.exercisePlayerIc : cast.byRole.get(role);
                if (role != leadRole) {
                    Api.addMember(lead, room, actor, role.wire());
                }
                actors.put(role, actor);
            }
            Api.addMember(lead, room, targetA);
            Api.addMember(lead, room, targetB);
        }

        /** A command the fixture needs, as one who may: it must be accepted. Returns its first seq. */
        long as(User user, String name, Map<String, ?> data) {
            Response response = Api.command(user, room, name, data);
            assertEquals(200, response.statusCode(), "fixture " + name + ": " + response.asString());
            return response.jsonPath().getLong("seq");
        }

        /** A field of the data of the event at {@code seq}. */
        String field(long seq, String field) {
            return lead.as().get("/api/rooms/" + room + "/events?since=" + (seq - 1) + "&limit=1").then().statusCode(200).extract()
                    .jsonPath().getString("events[0].data." + field);
        }

        JsonPath snapshot() {
            return lead.as().get("/api/rooms/" + room).then().statusCode(200).extract().jsonPath();
        }

        List<String> rolesOf(User user) {
            return snapshot().getList("members.find { it.userId == '" + user.id() + "' }.roles");
        }

        /** Runs a preparation once per room. */
        void once(String what, Runnable preparation) {
            if (done.add(what)) {
                preparation.run();
            }
        }
    }

    /** What a command needs: the data for one attempt (preparing the room first), and the roles its content names, if any. */
    private record Fixture(boolean exerciseOnly, boolean incidentOnly, Set<Role> contentRoles, BiFunction<Ctx, Role, Map<String, Object>> data) {
        Fixture(boolean exerciseOnly, Set<Role> contentRoles, BiFunction<Ctx, Role, Map<String, Object>> data) {
            this(exerciseOnly, false, contentRoles, data);
        }

        static Fixture table(BiFunction<Ctx, Role, Map<String, Object>> data) {
            return new Fixture(false, null, data);
        }

        /** A command of incidents only (in an exercise it does not exist). */
        static Fixture incidents(BiFunction<Ctx, Role, Map<String, Object>> data) {
            return new Fixture(false, true, null, data);
        }
    }

    private static volatile String matrixTracker;

    /** A tracker for action.track, configured by the admin once. */
    private static synchronized String matrixTracker() {
        if (matrixTracker == null) {
            matrixTracker = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("name", "Matrix tracker", "kind", "github", "baseUrl", "http://127.0.0.1:9", "target", "acme/matrix",
                            "token", "matrix-token", "webhookSecret", "matrix-webhook-secret-0123456789"))
                    .post("/api/admin/trackers").then().statusCode(201).extract().path("id");
        }
        return matrixTracker;
    }

    private static Set<Role> roles(RoomKind kind) {
        Set<Role> roles = EnumSet.allOf(Role.class);
        if (kind != RoomKind.EXERCISE) {
            roles.remove(Role.FACILITATOR);
        }
        return roles;
    }

    private Map<String, Fixture> fixtures() {
        Map<String, Fixture> f = new LinkedHashMap<>();
        f.put("member.add", Fixture.table((c, r) -> Map.of("userId", Api.newUser("Newcomer").id().toString(), "roles", List.of("scribe"))));
        f.put("member.remove", Fixture.table((c, r) -> {
            User leaving = Api.newUser("Leaving");
            Api.addMember(c.lead, c.room, leaving, "observer");
            return Map.of("userId", leaving.id().toString());
        }));
        f.put("role.assign", Fixture.table((c, r) -> {
            List<String> held = c.rolesOf(c.targetA);
            String role = Stream.of("scribe", "executive", "observer", "participant", "legal", "containment_lead", "comms_approver")
                    .filter(x -> !held.contains(x)).findFirst().orElseThrow();
            return Map.of("userId", c.targetA.id().toString(), "role", role);
        }));
        f.put("role.release", Fixture.table((c, r) -> {
            if (!c.rolesOf(c.targetA).contains("scribe")) {
                c.as(c.lead, "role.assign", Map.of("userId", c.targetA.id().toString(), "role", "scribe"));
            }
            return Map.of("userId", c.targetA.id().toString(), "role", "scribe");
        }));
        f.put("role.handover", Fixture.table((c, r) -> {
            User from = c.rolesOf(c.targetB).contains("scribe") ? c.targetB : c.targetA;
            User to = from == c.targetA ? c.targetB : c.targetA;
            if (!c.rolesOf(from).contains("scribe")) {
                c.as(c.lead, "role.assign", Map.of("userId", from.id().toString(), "role", "scribe"));
            }
            return Map.of("role", "scribe", "fromUserId", from.id().toString(), "toUserId", to.id().toString());
        }));
        f.put("room.severity", Fixture.table((c, r) -> Map.of("severity", c.snapshot().getString("severity").equals("SEV1") ? "SEV2" : "SEV1")));
        f.put("room.phase", Fixture.table((c, r) -> Map.of("phase", c.snapshot().getString("phase").equals("analysis") ? "containment" : "analysis")));
        f.put("note.add", Fixture.table((c, r) -> Map.of("text", "note by " + r)));
        f.put("decision.propose", Fixture.table((c, r) -> Map.of("title", "Isolate", "choice", "isolate", "rationale", "contain the spread",
                "approvers", List.of("legal"))));
        f.put("decision.approve", new Fixture(false, DECISION_APPROVERS, (c, r) -> Map.of("decisionId", proposeDecision(c))));
        f.put("decision.reject", new Fixture(false, DECISION_APPROVERS, (c, r) -> Map.of("decisionId", proposeDecision(c), "reason", "no")));
        f.put("action.create", Fixture.table((c, r) -> Map.of("title", "Rotate keys")));
        // An action nobody owns: only the table decides who may update it.
        f.put("action.update", Fixture.table((c, r) -> Map.of("actionId",
                c.field(c.as(c.lead, "action.create", Map.of("title", "Rotate keys")), "actionId"), "status", "in_progress")));
        // A new action nobody owns, to link to a tracker (configured once; its address answers nothing, so links fail later).
        f.put("action.track", Fixture.incidents((c, r) -> Map.of("actionId",
                c.field(c.as(c.lead, "action.create", Map.of("title", "Rotate keys")), "actionId"), "trackerId", matrixTracker())));
        f.put("update.post", Fixture.table((c, r) -> Map.of("audience", "all", "summary", "contained")));
        f.put("statement.draft", Fixture.table((c, r) -> Map.of("title", "Notice", "body", "We are investigating.", "channel", "website")));
        f.put("statement.approve", Fixture.table((c, r) -> Map.of("statementId", draftStatement(c))));
        f.put("statement.publish", Fixture.table((c, r) -> {
            String statementId = draftStatement(c);
            c.as(c.actors.get(Role.COMMS_APPROVER), "statement.approve", Map.of("statementId", statementId));
            c.as(c.actors.get(Role.LEGAL), "statement.approve", Map.of("statementId", statementId));
            return Map.of("statementId", statementId);
        }));
        f.put("ack.request", Fixture.table((c, r) -> Map.of("about", 1, "roles", List.of("legal"))));
        f.put("ack.give", new Fixture(false, ACK_ROLES, (c, r) -> Map.of("ackId",
                c.field(c.as(c.lead, "ack.request", Map.of("about", 1, "roles", ACK_ROLES.stream().map(Role::wire).toList())), "ackId"))));
        f.put("playbook.apply", Fixture.table((c, r) -> Map.of("type", PLAYBOOK)));
        // Each role works an item of its own (owned by the containment lead), so an accepted attempt cannot spoil the next.
        f.put("checklist.check", new Fixture(false, Set.of(Role.CONTAINMENT_LEAD), (c, r) -> Map.of("itemId", checklistItem(c, r))));
        f.put("checklist.uncheck", new Fixture(false, Set.of(Role.CONTAINMENT_LEAD), (c, r) -> {
            String item = checklistItem(c, r);
            c.once("checked " + item, () -> c.as(c.lead, "checklist.check", Map.of("itemId", item)));
            return Map.of("itemId", item);
        }));
        f.put("checklist.skip", new Fixture(false, Set.of(Role.CONTAINMENT_LEAD), (c, r) -> Map.of("itemId", checklistItem(c, r),
                "reason", "not relevant here")));
        f.put("checklist.assign", Fixture.table((c, r) -> Map.of("itemId", checklistItem(c, r), "userId", c.targetA.id().toString())));
        f.put("field.set", Fixture.table((c, r) -> {
            typed(c);
            return Map.of("fieldId", "ransomware_family", "values", List.of("set by " + r));
        }));
        // Erasure and legal hold: legal asks and holds (the admin's decision is not a room command).
        f.put("erasure.request", Fixture.table((c, r) -> Map.of("seq", c.as(c.lead, "note.add", Map.of("text", "to erase, for " + r)),
                "reason", "GDPR art. 17 request")));
        f.put("room.hold", Fixture.table((c, r) -> Map.of("reason", "litigation expected")));
        f.put("room.release_hold", Fixture.table((c, r) -> {
            c.once("hold", () -> c.as(c.actors.get(Role.LEGAL), "room.hold", Map.of("reason", "litigation expected")));
            return Map.of("reason", "settled");
        }));
        // The public status page: an incident's IC makes it public or private; an exercise never is.
        f.put("room.public", Fixture.incidents((c, r) -> Map.of()));
        f.put("room.private", Fixture.incidents((c, r) -> {
            c.once("public", () -> c.as(c.lead, "room.public", Map.of()));
            return Map.of();
        }));
        f.put("exercise.start", new Fixture(true, null, (c, r) -> Map.of("speed", 1)));
        f.put("exercise.pause", new Fixture(true, null, (c, r) -> {
            started(c);
            return Map.of();
        }));
        f.put("exercise.resume", new Fixture(true, null, (c, r) -> {
            started(c);
            c.once("paused", () -> c.as(c.lead, "exercise.pause", Map.of()));
            return Map.of();
        }));
        f.put("exercise.speed", new Fixture(true, null, (c, r) -> {
            started(c);
            return Map.of("speed", 2);
        }));
        f.put("exercise.end", new Fixture(true, null, (c, r) -> {
            started(c);
            return Map.of();
        }));
        // Released once the exercise has ended; only the facilitator's release is accepted (the refusals come first).
        f.put("report.release", new Fixture(true, null, (c, r) -> {
            started(c);
            c.once("ended", () -> c.as(c.lead, "exercise.end", Map.of()));
            return Map.of();
        }));
        f.put("exercise.inject", new Fixture(true, null, (c, r) -> {
            started(c);
            return Map.of("injectId", DELIVERED_INJECT);
        }));
        f.put("inject.respond", new Fixture(true, injectRecipients(), (c, r) -> {
            started(c);
            c.once("delivered", () -> c.as(c.lead, "exercise.inject", Map.of("injectId", DELIVERED_INJECT)));
            return Map.of("injectId", DELIVERED_INJECT, "text", "on it");
        }));
        // Improvisation: each attempt changes an inject of its own, added for it.
        f.put("inject.add", new Fixture(true, null, (c, r) -> Map.of("title", "Press call", "body", "A reporter calls.",
                "to", List.of("legal"), "atMs", 3_600_000)));
        f.put("inject.edit", new Fixture(true, null, (c, r) -> Map.of("injectId", addedInject(c), "body", "Two reporters call.")));
        f.put("inject.drop", new Fixture(true, null, (c, r) -> Map.of("injectId", addedInject(c))));
        f.put("inject.move", new Fixture(true, null, (c, r) -> Map.of("injectId", addedInject(c), "atMs", 3_000_000)));
        f.put("exercise.schedule", new Fixture(true, null, (c, r) -> Map.of("startsAt", "2099-01-01T09:00:00Z")));
        // The communications check: the scenario's player roles confirm, nobody else.
        f.put("exercise.ready", new Fixture(true, scenarioRoles(), (c, r) -> Map.of()));
        // The hot wash's feedback form: opened and closed by the facilitator, answered by every player.
        f.put("feedback.open", new Fixture(true, null, (c, r) -> {
            started(c);
            return Map.of();
        }));
        f.put("feedback.close", new Fixture(true, null, (c, r) -> {
            feedbackOpen(c);
            return Map.of();
        }));
        f.put("feedback.submit", new Fixture(true, null, (c, r) -> {
            feedbackOpen(c);
            return Map.of("strengths", List.of("clear roles, said " + r), "ratings", Map.of("lead", 4));
        }));
        return f;
    }

    /** The player roles of the matrix's scenario, as the scenario file says. */
    private static Set<Role> scenarioRoles() {
        List<String> names = Api.newUser("Reader").as().get("/api/scenarios/" + SCENARIO).then().statusCode(200).extract().jsonPath()
                .getList("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(r -> roles.add(Role.of(r)));
        return roles;
    }

    private static String addedInject(Ctx c) {
        return c.field(c.as(c.lead, "inject.add", Map.of("title", "Press call", "body", "A reporter calls.", "to", List.of("legal"),
                "atMs", 3_600_000)), "injectId");
    }

    /** The bundled type the checklist commands work on, and its items owned by the containment lead (one per role of the matrix). */
    private static final String PLAYBOOK = "ransomware";
    private static final List<String> CONTAINMENT_ITEMS = List.of("scope-first-hosts", "identify-variant", "initial-access",
            "exfiltration-evidence", "isolate", "protect-backups", "reset-privileged", "remove-persistence", "patch-entry", "restore-clean",
            "monitor");

    private static void typed(Ctx c) {
        c.once("typed", () -> c.as(c.lead, "playbook.apply", Map.of("type", PLAYBOOK)));
    }

    private static String checklistItem(Ctx c, Role role) {
        typed(c);
        return CONTAINMENT_ITEMS.get(role.ordinal());
    }

    private static void feedbackOpen(Ctx c) {
        started(c);
        c.once("feedback open", () -> c.as(c.lead, "feedback.open", Map.of()));
    }

    private static void started(Ctx c) {
        c.once("started", () -> c.as(c.lead, "exercise.start", Map.of("speed", 1)));
    }

    private static String proposeDecision(Ctx c) {
        long seq = c.as(c.lead, "decision.propose", Map.of("title", "Notify the regulator", "choice", "notify", "rationale",
                "personal data involved", "approvers", DECISION_APPROVERS.stream().map(Role::wire).toList()));
        return c.field(seq, "decisionId");
    }

    private static String draftStatement(Ctx c) {
        return c.field(c.as(c.actors.get(Role.COMMS_APPROVER), "statement.draft",
                Map.of("title", "Notice", "body", "We are investigating " + UUID.randomUUID(), "channel", "website")), "statementId");
    }

    /** The roles the delivered inject goes to, as the scenario file says. */
    private static Set<Role> injectRecipients() {
        List<String> to = Api.newUser("Reader").as().get("/api/scenarios/" + SCENARIO).then().statusCode(200).extract().jsonPath()
                .getList("injects.find { it.id == '" + DELIVERED_INJECT + "' }.to");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        to.forEach(r -> roles.add(Role.of(r)));
        return roles;
    }

    private boolean privileged(String command, Role role, RoomKind kind) {
        return catalog.declared(command).authority().privileged(EnumSet.of(role), kind);
    }

    private boolean expectedAllowed(String command, Role role, Fixture fixture, RoomKind kind) {
        return privileged(command, role, kind) || fixture.contentRoles() != null && fixture.contentRoles().contains(role);
    }

    @TestFactory
    Stream<DynamicTest> everyCommand_byEveryRole_isAllowedOrForbidden_asThePolicySays() {
        Map<String, Fixture> fixtures = fixtures();
        User stranger = Api.newUser("Stranger");
        Cast cast = new Cast();
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : catalog.types().stream().filter(CommandType::fromWire).map(CommandType::name).sorted().toList()) {
            Fixture fixture = fixtures.get(command);
            tests.add(DynamicTest.dynamicTest(command, () -> {
                assertTrue(fixture != null, "no fixture for the command " + command + ": add one to this matrix");
                Authority authority = catalog.declared(command).authority();
                assertTrue(fixture.contentRoles() != null || !authority.rolesIn(RoomKind.INCIDENT).isEmpty()
                        || !authority.rolesIn(RoomKind.EXERCISE).isEmpty(),
                        command + ": no role may issue it, and no fixture names the roles its content allows");
                assertEquals(fixture.exerciseOnly(), !authority.existsIn(RoomKind.INCIDENT), command + ": exists in incidents?");
                assertEquals(fixture.incidentOnly(), !authority.existsIn(RoomKind.EXERCISE), command + ": exists in exercises?");
                List<String> mismatches = new ArrayList<>();
                for (RoomKind kind : fixture.exerciseOnly() ? List.of(RoomKind.EXERCISE)
                        : fixture.incidentOnly() ? List.of(RoomKind.INCIDENT) : List.of(RoomKind.INCIDENT, RoomKind.EXERCISE)) {
                    Ctx ctx = new Ctx(kind, cast);
                    // The refusals first, so that an accepted command cannot spoil the preconditions of a later role.
                    List<Role> order = new ArrayList<>(roles(kind));
                    order.sort(Comparator.comparing(role -> expectedAllowed(command, role, fixture, kind)));
                    for (Role role : order) {
                        boolean allowed = expectedAllowed(command, role, fixture, kind);
                        Response response = Api.command(ctx.actors.get(role), ctx.room, command, fixture.data().apply(ctx, role));
                        String outcome = response.statusCode() == 200 ? "accepted" : response.jsonPath().getString("error.code");
                        if (!outcome.equals(allowed ? "accepted" : "forbidden")) {
                            mismatches.add(kind + " " + role + ": expected " + (allowed ? "accepted" : "forbidden") + ", got " + response.statusCode()
                                    + " " + response.asString());
                        }
                    }
                    Response byStranger = Api.command(stranger, ctx.room, command, fixture.data().apply(ctx, Role.OBSERVER));
                    if (byStranger.statusCode() != 404 || !"not_found".equals(byStranger.jsonPath().getString("error.code"))) {
                        mismatches.add(kind + " non-member: expected not_found, got " + byStranger.statusCode() + " " + byStranger.asString());
                    }
                }
                assertEquals(List.of(), mismatches, command);
            }));
        }
        return tests.stream();
    }

    /**
     * The lead role changes hands only by its holders: in an exercise the incident commander is a player,
     * and no player can make itself (or anyone) facilitator by any path (assign, hand-over, release of the
     * facilitator's role, adding a member, an invitation), nor take the role from the facilitator; in an
     * incident nobody but the IC makes an IC.
     */
    @Test
    void theLeadRole_isGrantedHandedOverAndReleasedOnlyByTheLead_onEveryPath() {
        Cast cast = new Cast();
        for (RoomKind kind : List.of(RoomKind.EXERCISE, RoomKind.INCIDENT)) {
            Ctx ctx = new Ctx(kind, cast);
            String lead = kind.leadRole().wire();
            User leadUser = ctx.lead;
            for (Role role : roles(kind)) {
                if (role == kind.leadRole()) {
                    continue;
                }
                User player = ctx.actors.get(role);
                Map<String, Map<String, Object>> attempts = Map.of(
                        "role.assign", Map.of("userId", player.id().toString(), "role", lead),
                        "role.handover", Map.of("role", lead, "fromUserId", leadUser.id().toString(), "toUserId", player.id().toString()),
                        "role.release", Map.of("userId", leadUser.id().toString(), "role", lead),
                        "member.add", Map.of("userId", Api.newUser("Co-lead").id().toString(), "roles", List.of(lead)));
                // An IC of an exercise still names players' roles (part of the play), but never the facilitator's.
                attempts.forEach((name, data) -> assertEquals(403, Api.command(player, ctx.room, name, data).statusCode(),
                        kind + " " + role + " " + name + " of the lead role"));
                assertEquals(403, player.as().body(Map.of("role", "observer")).post("/api/rooms/" + ctx.room + "/invites").statusCode(),
                        kind + " " + role + " invites");
            }
            assertEquals(List.of(lead), ctx.rolesOf(leadUser), kind + ": the lead still leads");
            // The lead itself may share the role, and hand it over.
            User next = ctx.actors.get(kind == RoomKind.EXERCISE ? Role.PARTICIPANT : Role.SCRIBE);
            assertEquals(200, Api.command(leadUser, ctx.room, "role.assign", Map.of("userId", next.id().toString(), "role", lead))
                    .statusCode(), kind + ": the lead shares its role");
        }
    }

    /** The lead's invitations are in the policy table too; they are a REST call, not a command. */
    @Test
    void invitations_areForTheLeadOnly() {
        Ctx ctx = new Ctx(RoomKind.INCIDENT, new Cast());
        for (Role role : roles(RoomKind.INCIDENT)) {
            int status = ctx.actors.get(role).as().body(Map.of("role", "observer")).post("/api/rooms/" + ctx.room + "/invites").statusCode();
            assertEquals(privileged("invite.create", role, RoomKind.INCIDENT) ? 201 : 403, status, role.wire());
        }
    }

    /**
     * The status page's component commands are deployment-wide, outside any room: only the admin issues them,
     * whatever roles anyone holds in rooms (an IC included); a command of incidents only is invalid in an exercise.
     */
    @Test
    void componentCommands_areForTheAdminOnly_andRoomPublic_isForIncidentsOnly() {
        Cast cast = new Cast();
        for (StatusComponents.CommandType<?> type : StatusComponents.COMMANDS) {
            assertEquals("admin", StatusComponents.AUTHORITY, type.name());
            for (Role role : Role.values()) {
                int status = cast.byRole.get(role).as().body(Map.of("name", type.name(), "data", Map.of("name", "By " + role)))
                        .post("/api/status/components/commands").statusCode();
                assertEquals(403, status, type.name() + " by the holder of " + role + " in rooms");
            }
        }
        String id = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "component.create", "data", Map.of("name", "Matrix " + UUID.randomUUID()))).post("/api/status/components/commands")
                .then().statusCode(200).extract().path("id");
        io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "component.status", "data", Map.of("componentId", id, "status", "under_maintenance")))
                .post("/api/status/components/commands").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "component.describe", "data", Map.of("componentId", id, "description", "probe")))
                .post("/api/status/components/commands").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "component.status", "data", Map.of("componentId", id, "status", "operational")))
                .post("/api/status/components/commands").then().statusCode(200);
        Ctx exercise = new Ctx(RoomKind.EXERCISE, cast);
        for (Role role : roles(RoomKind.EXERCISE)) {
            assertEquals(400, Api.command(exercise.actors.get(role), exercise.room, "room.public", Map.of()).statusCode(), role.wire());
        }
    }

    /** The facilitator's debrief links are in the policy table too; they are REST calls, not commands. */
    @Test
    void debriefLinks_areForTheFacilitatorOnly() {
        Ctx ctx = new Ctx(RoomKind.EXERCISE, new Cast());
        started(ctx);
        ctx.as(ctx.lead, "exercise.end", Map.of());
        for (Role role : roles(RoomKind.EXERCISE)) {
            int status = ctx.actors.get(role).as().body(Map.of()).post("/api/rooms/" + ctx.room + "/debrief-links").statusCode();
            assertEquals(privileged("debrief.link", role, RoomKind.EXERCISE) ? 201 : 403, status, role.wire());
            int listed = ctx.actors.get(role).as().get("/api/rooms/" + ctx.room + "/debrief-links").statusCode();
            assertEquals(privileged("debrief.link", role, RoomKind.EXERCISE) ? 200 : 403, listed, role.wire() + " lists");
        }
        Api.newUser("Stranger").as().body(Map.of()).post("/api/rooms/" + ctx.room + "/debrief-links").then().statusCode(404);
    }

    /** A guest is confined to the room and the role of the invitation. */
    @Test
    void aGuest_actsOnlyInItsRoom_andOnlyAsItsRole() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Guests");
        UUID otherRoom = Api.newIncident(ic, "Elsewhere");
        for (Role role : List.of(Role.LEGAL, Role.SCRIBE, Role.OBSERVER, Role.CONTAINMENT_LEAD)) {
            User guest = Api.join(Api.invite(ic, room, role.wire()), "Guest " + role);
            Map<String, Map<String, Object>> commands = Map.of(
                    "note.add", Map.of("text", "from a guest"),
                    "room.severity", Map.of("severity", "SEV1"),
                    "action.create", Map.of("title", "Check backups"),
                    "ack.request", Map.of("about", 1, "roles", List.of("legal")),
                    "member.add", Map.of("userId", Api.newUser("Friend").id().toString()));
            commands.forEach((name, data) -> {
                int expected = privileged(name, role, RoomKind.INCIDENT) ? 200 : 403;
                int status = Api.command(guest, room, name, data).statusCode();
                if (name.equals("room.severity") && expected == 200 && status == 409) {
                    status = 200; // already SEV1 by an earlier guest: allowed, the room just did not change
                }
                assertEquals(expected, status, role + " guest: " + name);
                assertEquals(404, Api.command(guest, otherRoom, name, data).statusCode(), role + " guest elsewhere: " + name);
            });
            guest.as().get("/api/rooms/" + otherRoom).then().statusCode(404);
            assertEquals(404, WsClient.upgradeStatus(WsClient.roomUri(otherRoom, null), guest.token()));
            assertEquals(List.of(room.toString()), guest.as().get("/api/rooms").then().statusCode(200).extract().jsonPath().getList("id"));
            guest.as().body(Map.of("kind", "INCIDENT", "title", "Mine")).post("/api/rooms").then().statusCode(403);
            guest.as().get("/api/users").then().statusCode(403);
            guest.as().body(Map.of("role", "observer")).post("/api/rooms/" + room + "/invites").then().statusCode(403);
        }
    }

    @Test
    void anExpiredInvitation_cannotJoin() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Expired invitation");
        String code = ic.as().body(Map.of("role", "legal", "ttlMinutes", 1)).post("/api/rooms/" + room + "/invites").then().statusCode(201)
                .extract().path("code");
        clock.advance(Duration.ofMinutes(2));
        try {
            io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("code", code, "displayName", "Late")).post("/api/auth/join").then().statusCode(404);
        } finally {
            clock.advance(Duration.ofMinutes(-2));
        }
        assertEquals(1, ic.as().get("/api/rooms/" + room).then().extract().jsonPath().getList("members").size(), "nobody joined");
    }

    @Test
    void aRevokedInvitation_cannotJoin() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Revoked invitation");
        String code = Api.invite(ic, room, "legal");
        User before = Api.join(code, "Early");
        revokeInvitesOf(room);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("code", code, "displayName", "Late")).post("/api/auth/join").then().statusCode(404);
        assertEquals(2, ic.as().get("/api/rooms/" + room).then().extract().jsonPath().getList("members").size(), "only the early guest joined");
        assertEquals(200, Api.command(before, room, "note.add", Map.of("text", "joined before the revocation")).statusCode());
    }

    /** There is no API to revoke an invitation yet; the column is what the join checks. */
    @Transactional
    void revokeInvitesOf(UUID room) {
        Invite.<Invite> list("roomId", room).forEach(invite -> invite.revokedAt = clock.instant());
    }
}

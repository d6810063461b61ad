package io.sitroom.comms;

import static io.sitroom.room.DeciderFixtures.IC;
import static io.sitroom.room.DeciderFixtures.LEGAL;
import static io.sitroom.room.DeciderFixtures.NOW;
import static io.sitroom.room.DeciderFixtures.OBSERVER;
import static io.sitroom.room.DeciderFixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.DeciderFixtures;
import io.sitroom.room.NewEvent;

class CommsDeciderTest {

    private static final UUID S = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID COMMS = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID BOTH = UUID.fromString("00000000-0000-0000-0000-0000000000c2");

    private static DeciderFixtures room() {
        return incident().with(COMMS, "Cora Comms", Role.COMMS_APPROVER).with(BOTH, "Bo Both", Role.COMMS_APPROVER, Role.LEGAL);
    }

    private static StatementState statement(Map<Role, UUID> approvals) {
        return new StatementState(S, 2, "hash-v2", null, approvals);
    }

    private static SitroomException refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run);
    }

    @Test
    void update_reachesOnlyItsAudience() {
        var update = new CommsCommand.PostUpdate(Audience.EXECUTIVE, "ransomware contained", "billing down 2h", "approve PR statement",
                null, null, null, null, null, null, null, null, null);
        List<NewEvent> events = CommsDecider.postUpdate(update, room().as(IC));
        assertEquals(Set.of(Role.EXECUTIVE), events.get(0).visibleTo());
    }

    @Test
    void update_refusesFieldsOfAnotherAudience_andMissingImpact() {
        assertEquals(ErrorCode.INVALID, refusal(() -> new CommsCommand.PostUpdate(Audience.ALL, "s", null, null, null, "root", null, null,
                null, null, null, null, null)).code());
        assertEquals(ErrorCode.INVALID, refusal(() -> new CommsCommand.PostUpdate(Audience.EXECUTIVE, "s", null, null, null, null, null,
                null, null, null, null, null, null)).code());
    }

    @Test
    void draft_revision_getsTheNextVersion_andANewHash() {
        var revision = new CommsCommand.DraftStatement(S, "Notice", "We detected...", "press");
        var event = (CommsEvent.StatementDrafted) CommsDecider.draft(revision, room().as(COMMS), statement(Map.of()), UUID.randomUUID())
                .get(0).payload();
        assertEquals(3, event.version());
        assertEquals(CommsDecider.textHash("Notice", "We detected...", "press"), event.textHash());
    }

    @Test
    void publish_isRefused_namingTheMissingApprovers() {
        SitroomException e = refusal(() -> CommsDecider.publish(new CommsCommand.PublishStatement(S), room().as(COMMS),
                statement(Map.of(Role.COMMS_APPROVER, COMMS))));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertTrue(e.getMessage().contains("legal"), e.getMessage());
    }

    @Test
    void publish_goesOut_withCommsAndLegalFromTwoPeople() {
        var approved = statement(Map.of(Role.COMMS_APPROVER, COMMS, Role.LEGAL, LEGAL));
        assertEquals(1, CommsDecider.publish(new CommsCommand.PublishStatement(S), room().as(COMMS), approved).size());
    }

    @Test
    void onePersonHoldingBothRoles_cannotSatisfyBoth() {
        var afterFirst = statement(Map.of(Role.LEGAL, BOTH));
        SitroomException e = refusal(() -> CommsDecider.approve(new CommsCommand.ApproveStatement(S, Role.COMMS_APPROVER), room().as(BOTH),
                afterFirst));
        assertEquals(ErrorCode.CONFLICT, e.code());
    }

    @Test
    void approve_isForbidden_forRolesThatDoNotApproveStatements() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> CommsDecider.approve(new CommsCommand.ApproveStatement(S, null),
                CommsFeature.APPROVE_STATEMENT.authorize(room().as(OBSERVER)),
                statement(Map.of()))).code());
    }

    @Test
    void ack_staysOpenUntilEveryRoleAnswered_andSilenceBecomesOverdue() {
        var ack = new AckState(S, 3, Set.of(Role.LEGAL, Role.COMMS_APPROVER), Map.of(), NOW, false);
        var given = (CommsEvent.AckGiven) CommsDecider.giveAck(new CommsCommand.GiveAck(S), room().as(LEGAL), ack).get(0).payload();
        assertEquals(Set.of(Role.COMMS_APPROVER), given.pending());
        var partly = new AckState(S, 3, Set.of(Role.LEGAL, Role.COMMS_APPROVER), Map.of(Role.LEGAL, LEGAL), NOW, false);
        List<NewEvent> overdue = CommsDecider.ackOverdue(partly, NOW);
        assertEquals(Set.of(Role.COMMS_APPROVER), ((CommsEvent.AckOverdue) overdue.get(0).payload()).pending());
        assertNull(overdue.get(0).visibleTo(), "everyone sees an overdue acknowledgement: their snapshots show it overdue");
        assertEquals(ErrorCode.CONFLICT, refusal(() -> CommsDecider.giveAck(new CommsCommand.GiveAck(S), room().as(LEGAL), partly)).code());
    }
}

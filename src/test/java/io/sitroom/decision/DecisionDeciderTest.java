package io.sitroom.decision;

import static io.sitroom.room.DeciderFixtures.IC;
import static io.sitroom.room.DeciderFixtures.LEGAL;
import static io.sitroom.room.DeciderFixtures.NOW;
import static io.sitroom.room.DeciderFixtures.OBSERVER;
import static io.sitroom.room.DeciderFixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.decision.DecisionState.Status;
import io.sitroom.decision.DecisionState.Vote;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.DeciderFixtures;
import io.sitroom.room.NewEvent;

class DecisionDeciderTest {

    private static final UUID D = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID COMMS = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private static DeciderFixtures room() {
        return incident().with(COMMS, "Cora Comms", Role.COMMS_APPROVER);
    }

    private static DecisionState proposed(UUID by, Set<Role> approvers, Vote... votes) {
        return new DecisionState(D, Status.PROPOSED, approvers, by, List.of(votes), null, null);
    }

    private static DecisionCommand.Propose propose(Set<Role> approvers) {
        return new DecisionCommand.Propose("Isolate the file servers", null, List.of("isolate", "monitor"), "isolate",
                "encryption is spreading", approvers, null, null);
    }

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    @Test
    void propose_recordsTheDecision_forAWorkingRole() {
        List<NewEvent> events = DecisionDecider.propose(propose(Set.of(Role.LEGAL)), room().as(IC), D, Optional.empty());
        DecisionEvent.Proposed proposed = assertInstanceOf(DecisionEvent.Proposed.class, events.get(0).payload());
        assertEquals(D, proposed.decisionId());
        assertEquals("encryption is spreading", proposed.rationale());
    }

    @Test
    void propose_isForbidden_forObservers_andInvalid_withAPastExpiry() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> DecisionDecider.propose(propose(Set.of(Role.LEGAL)),
                DecisionFeature.PROPOSE.authorize(room().as(OBSERVER)), D, Optional.empty())));
        var expired = new DecisionCommand.Propose("t", null, null, "c", "r", Set.of(Role.LEGAL), NOW.minusSeconds(1), null);
        assertEquals(ErrorCode.INVALID, refusal(() -> DecisionDecider.propose(expired, room().as(IC), D, Optional.empty())));
    }

    @Test
    void propose_requiresReasonsAndApprovers() {
        assertEquals(ErrorCode.INVALID, refusal(() -> new DecisionCommand.Propose("t", null, null, "c", " ", Set.of(Role.LEGAL), null, null)));
        assertEquals(ErrorCode.INVALID, refusal(() -> new DecisionCommand.Propose("t", null, null, "c", "r", Set.of(), null, null)));
    }

    @Test
    void approve_acceptsTheDecision_whenEveryListedRoleApproved() {
        DecisionState decision = proposed(IC, Set.of(Role.LEGAL, Role.COMMS_APPROVER), new Vote(COMMS, Set.of(Role.COMMS_APPROVER), true));
        List<NewEvent> events = DecisionDecider.approve(new DecisionCommand.Approve(D, "ok"), room().as(LEGAL), decision, Optional.empty());
        assertEquals(2, events.size());
        assertEquals(Set.of(), ((DecisionEvent.Approved) events.get(0).payload()).missing());
        assertEquals(List.of(COMMS, LEGAL), ((DecisionEvent.Accepted) events.get(1).payload()).approvedBy());
    }

    @Test
    void approve_staysProposed_whileRolesAreMissing() {
        DecisionState decision = proposed(IC, Set.of(Role.LEGAL, Role.COMMS_APPROVER));
        List<NewEvent> events = DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(LEGAL), decision, Optional.empty());
        assertEquals(1, events.size());
        assertEquals(Set.of(Role.COMMS_APPROVER), ((DecisionEvent.Approved) events.get(0).payload()).missing());
    }

    @Test
    void approve_byTheProposerAlone_neverAcceptsTheirOwnProposal() {
        DecisionState decision = proposed(IC, Set.of(Role.INCIDENT_COMMANDER));
        List<NewEvent> events = DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(IC), decision, Optional.empty());
        assertEquals(1, events.size(), "approved, but not accepted");
        assertTrue(((DecisionEvent.Approved) events.get(0).payload()).needsIndependentApprover());
    }

    @Test
    void approve_isForbidden_forNonApprovers_conflict_whenTwice_notFound_whenUnknown() {
        DecisionState decision = proposed(IC, Set.of(Role.LEGAL), new Vote(LEGAL, Set.of(Role.LEGAL), true));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(COMMS),
                decision, Optional.empty())));
        DecisionState twoRoles = proposed(IC, Set.of(Role.LEGAL, Role.COMMS_APPROVER), new Vote(LEGAL, Set.of(Role.LEGAL), true));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(LEGAL),
                twoRoles, Optional.empty())));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(LEGAL), null,
                Optional.empty())));
    }

    @Test
    void reject_keepsTheReason_andClosesTheDecision() {
        DecisionState decision = proposed(IC, Set.of(Role.LEGAL));
        List<NewEvent> events = DecisionDecider.reject(new DecisionCommand.Reject(D, "breach notice first"), room().as(LEGAL), decision);
        assertEquals("breach notice first", ((DecisionEvent.Rejected) events.get(0).payload()).reason());
        DecisionState rejected = new DecisionState(D, Status.REJECTED, Set.of(Role.LEGAL), IC, List.of(), null, null);
        assertEquals(ErrorCode.CONFLICT, refusal(() -> DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(LEGAL),
                rejected, Optional.empty())));
    }

    @Test
    void accepting_aDecisionThatSupersedesAnother_supersedesIt() {
        UUID old = UUID.randomUUID();
        DecisionState previous = new DecisionState(old, Status.ACCEPTED, Set.of(Role.LEGAL), IC, List.of(), null, null);
        DecisionState decision = new DecisionState(D, Status.PROPOSED, Set.of(Role.LEGAL), IC, List.of(), null, old);
        List<NewEvent> events = DecisionDecider.approve(new DecisionCommand.Approve(D, null), room().as(LEGAL), decision, Optional.of(previous));
        assertEquals(new DecisionEvent.Superseded(old, D), events.get(2).payload());
    }

    @Test
    void expire_appliesToOpenAndAcceptedExceptions_once_theirTimeHasCome() {
        DecisionState exception = new DecisionState(D, Status.ACCEPTED, Set.of(Role.LEGAL), IC, List.of(), NOW, null);
        assertEquals(1, DecisionDecider.expire(exception, NOW).size());
        assertEquals(0, DecisionDecider.expire(exception, NOW.minus(Duration.ofSeconds(1))).size());
        DecisionState rejected = new DecisionState(D, Status.REJECTED, Set.of(Role.LEGAL), IC, List.of(), NOW, null);
        assertEquals(0, DecisionDecider.expire(rejected, NOW).size());
    }
}

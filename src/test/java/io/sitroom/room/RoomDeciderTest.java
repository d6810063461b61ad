package io.sitroom.room;

import static io.sitroom.room.DeciderFixtures.IC;
import static io.sitroom.room.DeciderFixtures.LEGAL;
import static io.sitroom.room.DeciderFixtures.OBSERVER;
import static io.sitroom.room.DeciderFixtures.OUTSIDER;
import static io.sitroom.room.DeciderFixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

class RoomDeciderTest {

    /** As the pipeline judges a room command: its declared authority, then its decider. */
    private static List<NewEvent> decide(RoomCommand command, CommandContext context) {
        CommandType<?> type = command instanceof RoomCommand.AddMember ? CoreRoomFeature.ADD_MEMBER
                : command instanceof RoomCommand.ChangeSeverity ? CoreRoomFeature.CHANGE_SEVERITY
                : command instanceof RoomCommand.ChangePhase ? CoreRoomFeature.CHANGE_PHASE : CoreRoomFeature.ADD_NOTE;
        return type.decide(command, context);
    }

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    @Test
    void changeSeverity_appendsFromAndTo_whenIcChangesIt() {
        List<NewEvent> events = decide(new RoomCommand.ChangeSeverity(Severity.SEV1), incident().as(IC));
        assertEquals(List.of(NewEvent.forEveryone(new RoomEvent.SeverityChanged(Severity.SEV2, Severity.SEV1))), events);
    }

    @Test
    void changeSeverity_isForbidden_forOtherRoles() {
        assertEquals(ErrorCode.FORBIDDEN,
                refusal(() -> decide(new RoomCommand.ChangeSeverity(Severity.SEV1), incident().as(LEGAL))));
    }

    @Test
    void changeSeverity_isConflict_whenUnchanged() {
        assertEquals(ErrorCode.CONFLICT,
                refusal(() -> decide(new RoomCommand.ChangeSeverity(Severity.SEV2), incident().as(IC))));
    }

    @Test
    void changeSeverity_offersTheDeploymentsList_andAnOldRoomKeepsItsSeverityUntilChanged() {
        // A room opened as SEV3 before the deployment moved to P1..P5: it still decides, and moves onto the new list.
        DeciderFixtures room = incident().severity(Severity.SEV3).taxonomy(TaxonomyFixtures.priorities());
        assertEquals(new RoomEvent.SeverityChanged(Severity.SEV3, Severity.of("P2")),
                decide(new RoomCommand.ChangeSeverity(Severity.of("P2")), room.as(IC)).get(0).payload());
        SitroomException refused = assertThrows(SitroomException.class,
                () -> decide(new RoomCommand.ChangeSeverity(Severity.of("P9")), room.as(IC)));
        assertEquals(ErrorCode.INVALID, refused.code());
        assertEquals("severity must be one of P1, P2, P3, P4, P5, not 'P9'", refused.getMessage());
    }

    @Test
    void changeSeverity_takesAnAliasForItsSeverity() {
        DeciderFixtures room = incident().severity(Severity.of("P3")).taxonomy(TaxonomyFixtures.priorities());
        assertEquals(new RoomEvent.SeverityChanged(Severity.of("P3"), Severity.of("P1")),
                decide(new RoomCommand.ChangeSeverity(Severity.of("blocker")), room.as(IC)).get(0).payload());
    }

    @Test
    void changePhase_toTheDeploymentsPhases_byIdOrAlias_neverToOneItDoesNotHave() {
        DeciderFixtures room = incident().phase(Phase.ANALYSIS).taxonomy(TaxonomyFixtures.priorities());
        assertEquals(new RoomEvent.PhaseChanged(Phase.ANALYSIS, Phase.of("mitigate"), true),
                decide(new RoomCommand.ChangePhase(Phase.CONTAINMENT), room.as(IC)).get(0).payload());
        assertEquals(new RoomEvent.PhaseChanged(Phase.ANALYSIS, Phase.CLOSED, true),
                decide(new RoomCommand.ChangePhase(Phase.CLOSED), room.as(IC)).get(0).payload());
        assertEquals(ErrorCode.INVALID, refusal(() -> decide(new RoomCommand.ChangePhase(Phase.of("hunting")), room.as(IC))));
    }

    @Test
    void changePhase_recordsTransition_whenIcChangesIt() {
        List<NewEvent> events = decide(new RoomCommand.ChangePhase(Phase.CONTAINMENT), incident().as(IC));
        assertEquals(new RoomEvent.PhaseChanged(Phase.ANALYSIS, Phase.CONTAINMENT, true), events.get(0).payload());
        assertEquals(new RoomEvent.PhaseChanged(Phase.DETECTION, Phase.ANALYSIS, false),
                decide(new RoomCommand.ChangePhase(Phase.ANALYSIS), incident().phase(Phase.DETECTION).as(IC)).get(0).payload(),
                "whether the new phase counts as contained is recorded with it");
    }

    @Test
    void addNote_isRestricted_whenVisibleToIsGiven() {
        List<NewEvent> events = decide(new RoomCommand.AddNote("privileged", Set.of(Role.LEGAL)), incident().as(LEGAL));
        assertEquals(Set.of(Role.LEGAL), events.get(0).visibleTo());
    }

    @Test
    void addNote_isForbidden_forObservers() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> decide(new RoomCommand.AddNote("hi", null), incident().as(OBSERVER))));
    }

    @Test
    void addNote_isInvalid_whenTextIsBlankOrTooLong() {
        assertEquals(ErrorCode.INVALID, refusal(() -> new RoomCommand.AddNote("   ", null)));
        assertEquals(ErrorCode.INVALID, refusal(() -> new RoomCommand.AddNote("x".repeat(RoomCommand.MAX_NOTE_LENGTH + 1), null)));
        assertEquals(ErrorCode.INVALID, refusal(() -> new RoomCommand.AddNote("ok", Set.of())));
    }

    @Test
    void addMember_carriesRolesAfter_whenIcAddsAKnownUser() {
        List<NewEvent> events = decide(new RoomCommand.AddMember(OUTSIDER, Set.of(Role.SCRIBE)), incident().as(IC));
        assertEquals(new RoomEvent.MemberAdded(OUTSIDER, "Olga Outsider", Set.of(Role.SCRIBE), Map.of(OUTSIDER, Set.of(Role.SCRIBE)), null),
                events.get(0).payload());
    }

    @Test
    void addMember_isNotFound_forUnknownUser_andConflict_forMember() {
        assertEquals(ErrorCode.NOT_FOUND,
                refusal(() -> decide(new RoomCommand.AddMember(UUID.randomUUID(), Set.of()), incident().as(IC))));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> decide(new RoomCommand.AddMember(LEGAL, Set.of()), incident().as(IC))));
    }

    @Test
    void addMember_isInvalid_forFacilitatorInAnIncident() {
        assertEquals(ErrorCode.INVALID,
                refusal(() -> decide(new RoomCommand.AddMember(OUTSIDER, Set.of(Role.FACILITATOR)), incident().as(IC))));
    }
}

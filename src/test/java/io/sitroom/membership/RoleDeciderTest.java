package io.sitroom.membership;

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
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.DeciderFixtures;
import io.sitroom.room.NewEvent;

class RoleDeciderTest {

    private static final UUID SECOND_IC = UUID.fromString("00000000-0000-0000-0000-00000000000e");

    /** As the pipeline judges a role command: its declared authority, then its decider. */
    private static List<NewEvent> decide(RoleCommand command, CommandContext context) {
        CommandType<?> type = command instanceof RoleCommand.Assign ? RoleFeature.ASSIGN
                : command instanceof RoleCommand.Release ? RoleFeature.RELEASE : RoleFeature.HAND_OVER;
        return type.decide(command, context);
    }

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    @Test
    void assign_givesRoleAndRolesAfter_whenIcAssigns() {
        var events = decide(new RoleCommand.Assign(LEGAL, Role.SCRIBE), incident().as(IC));
        assertEquals(new RoleEvent.Assigned(LEGAL, "Lea Legal", Role.SCRIBE, Map.of(LEGAL, Set.of(Role.LEGAL, Role.SCRIBE))),
                events.get(0).payload());
    }

    @Test
    void assign_isForbidden_whenActorIsNotALead() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> decide(new RoleCommand.Assign(OBSERVER, Role.SCRIBE), incident().as(LEGAL))));
    }

    @Test
    void assign_isConflict_whenAlreadyHeld_andNotFound_forNonMembers() {
        assertEquals(ErrorCode.CONFLICT, refusal(() -> decide(new RoleCommand.Assign(LEGAL, Role.LEGAL), incident().as(IC))));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> decide(new RoleCommand.Assign(OUTSIDER, Role.LEGAL), incident().as(IC))));
    }

    @Test
    void release_isAllowed_forTheHolderThemselves() {
        var events = decide(new RoleCommand.Release(LEGAL, Role.LEGAL), incident().as(LEGAL));
        assertEquals(Map.of(LEGAL, Set.of()), ((RoleEvent.Released) events.get(0).payload()).rolesAfter());
    }

    @Test
    void release_isForbidden_forSomeoneElsesRole_unlessLead() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> decide(new RoleCommand.Release(OBSERVER, Role.OBSERVER), incident().as(LEGAL))));
    }

    @Test
    void release_isRefused_forTheLastIncidentCommander() {
        assertEquals(ErrorCode.CONFLICT,
                refusal(() -> decide(new RoleCommand.Release(IC, Role.INCIDENT_COMMANDER), incident().as(IC))));
    }

    @Test
    void release_isAllowed_forAnIncidentCommander_whenAnotherRemains() {
        DeciderFixtures room = incident().with(SECOND_IC, "Second IC", Role.INCIDENT_COMMANDER);
        assertEquals(1, decide(new RoleCommand.Release(IC, Role.INCIDENT_COMMANDER), room.as(IC)).size());
    }

    @Test
    void handOver_movesTheRoleInOneEvent_whenTheHolderHandsOver() {
        var events = decide(new RoleCommand.HandOver(Role.INCIDENT_COMMANDER, LEGAL, null), incident().as(IC));
        RoleEvent.HandedOver handedOver = (RoleEvent.HandedOver) events.get(0).payload();
        assertEquals(Map.of(IC, Set.of(), LEGAL, Set.of(Role.LEGAL, Role.INCIDENT_COMMANDER)), handedOver.rolesAfter());
        assertEquals(1, events.size());
    }

    @Test
    void handOver_isRefused_whenActorDoesNotHoldTheRole_orTargetIsSelf() {
        assertEquals(ErrorCode.CONFLICT, refusal(() -> decide(new RoleCommand.HandOver(Role.SCRIBE, IC, null), incident().as(LEGAL))));
        assertEquals(ErrorCode.INVALID,
                refusal(() -> decide(new RoleCommand.HandOver(Role.INCIDENT_COMMANDER, IC, null), incident().as(IC))));
    }

    @Test
    void handOver_ofAnotherHoldersRole_isForbidden_unlessLead() {
        assertEquals(ErrorCode.FORBIDDEN,
                refusal(() -> decide(new RoleCommand.HandOver(Role.OBSERVER, IC, OBSERVER), incident().as(LEGAL))));
        assertEquals(1, decide(new RoleCommand.HandOver(Role.OBSERVER, LEGAL, OBSERVER), incident().as(IC)).size());
    }

    private static final UUID FACILITATOR = UUID.fromString("00000000-0000-0000-0000-00000000000f");

    /** An exercise: its facilitator leads; its incident commander is a player. */
    private static DeciderFixtures exercise() {
        return incident().with(FACILITATOR, "Fay Facilitator", Role.FACILITATOR).kind(io.sitroom.room.RoomKind.EXERCISE);
    }

    @Test
    void aPlayingIncidentCommander_cannotMakeAnyoneFacilitator_norTakeTheRoleFromTheFacilitator() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> decide(new RoleCommand.Assign(IC, Role.FACILITATOR), exercise().as(IC))));
        assertEquals(ErrorCode.FORBIDDEN,
                refusal(() -> decide(new RoleCommand.HandOver(Role.FACILITATOR, IC, FACILITATOR), exercise().as(IC))));
        assertEquals(ErrorCode.FORBIDDEN,
                refusal(() -> decide(new RoleCommand.Release(FACILITATOR, Role.FACILITATOR), exercise().as(IC))));
    }

    @Test
    void aPlayingIncidentCommander_stillAssignsPlayerRoles_andTheFacilitatorSharesItsOwn() {
        assertEquals(1, decide(new RoleCommand.Assign(LEGAL, Role.CONTAINMENT_LEAD), exercise().as(IC)).size());
        assertEquals(1, decide(new RoleCommand.Assign(LEGAL, Role.FACILITATOR), exercise().as(FACILITATOR)).size());
        assertEquals(1, decide(new RoleCommand.HandOver(Role.FACILITATOR, LEGAL, null), exercise().as(FACILITATOR)).size());
    }

    @Test
    void inAnIncident_onlyAnIncidentCommanderMakesOne() {
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> decide(new RoleCommand.Assign(LEGAL, Role.INCIDENT_COMMANDER), incident().as(LEGAL))));
        assertEquals(1, decide(new RoleCommand.Assign(LEGAL, Role.INCIDENT_COMMANDER), incident().as(IC)).size());
    }
}

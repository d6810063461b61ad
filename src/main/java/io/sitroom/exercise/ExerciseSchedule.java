package io.sitroom.exercise;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.NewEvent;

/**
 * Scheduling an exercise (issue 18, item 9): when it is planned to start, and the communications check
 * before it, in which each player role confirms it is ready. Pure.
 */
public final class ExerciseSchedule {

    private ExerciseSchedule() {
    }

    /** Sets or clears the planned start: only before the start, and never in the past. */
    public static List<NewEvent> schedule(ExerciseCommand.Schedule c, CommandContext context, PlaybackState state) {
        if (state.status() != ExerciseStatus.READY) {
            throw SitroomException.conflict("an exercise is scheduled before it starts (it is " + state.status().wire() + ")");
        }
        if (c.startsAt() != null && !c.startsAt().isAfter(context.now())) {
            throw SitroomException.invalid("startsAt must be in the future");
        }
        return List.of(NewEvent.forEveryone(new ExerciseEvent.Scheduled(c.startsAt())));
    }

    /**
     * A player confirms their roles are ready, before the start. Only the scenario's roles take part (a
     * facilitator or an observer has nothing to confirm); visible to the facilitator and those roles.
     */
    public static List<NewEvent> confirmReady(CommandContext context, Scenario scenario, PlaybackState state) {
        if (state.status() != ExerciseStatus.READY) {
            throw SitroomException.conflict("the communications check is before the start (the exercise is " + state.status().wire() + ")");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        context.actor().roles().stream().filter(scenario.roles()::contains).forEach(roles::add);
        if (roles.isEmpty()) {
            throw SitroomException.forbidden("only a player holding one of the scenario's roles confirms it is ready");
        }
        Set<Role> visibleTo = EnumSet.copyOf(roles);
        visibleTo.add(Role.FACILITATOR);
        return List.of(new NewEvent(new ExerciseEvent.ReadyConfirmed(Set.copyOf(roles)), visibleTo));
    }

    /**
     * The check over {@code roles}: those that confirmed, and those that have not. The facilitator's is over
     * the scenario's roles; a player's over their own roles the scenario has.
     */
    public record CommsCheck(List<String> ready, List<String> notReady) {

        static CommsCheck of(Set<Role> roles, Set<Role> confirmed) {
            return new CommsCheck(
                    roles.stream().filter(confirmed::contains).map(Role::wire).sorted().toList(),
                    roles.stream().filter(r -> !confirmed.contains(r)).map(Role::wire).sorted().toList());
        }
    }
}

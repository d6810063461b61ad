package io.sitroom.exercise;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import io.sitroom.role.Role;

/** What the pure playback tests share: the linter's valid drill and a room where nothing has happened. */
final class PlaybackFixtures {

    static final Scenario DRILL = ScenarioParser.parse("drill.yaml", ScenarioLinterTest.VALID).scenario();

    /** No decision settled, no role held, no approvers. */
    static final RoomFacts NOTHING_DECIDED = settled((accepted, titleContains) -> false);

    /** A room where the decisions {@code settled} accepts are settled; no role held, no approvers. */
    static RoomFacts settled(BiPredicate<Boolean, String> settled) {
        return new RoomFacts() {
            @Override
            public boolean decisionSettled(boolean accepted, String titleContains) {
                return settled.test(accepted, titleContains);
            }

            @Override
            public boolean roleHeld(Role role) {
                return false;
            }

            @Override
            public Set<Role> decisionApprovers(UUID decisionId) {
                return Set.of();
            }
        };
    }

    private PlaybackFixtures() {
    }
}

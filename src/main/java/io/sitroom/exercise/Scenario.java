package io.sitroom.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sitroom.comms.Audience;
import io.sitroom.role.Role;

/** A tabletop scenario, as loaded from a file in {@code scenarios/} (see docs/scenario-format.md). */
public record Scenario(String id, String title, String summary, Duration duration, Set<Role> roles, List<Objective> objectives,
        List<Inject> injects, List<String> debrief) {

    public record Objective(String id, String text, String capability) {
    }

    /** When an inject is delivered: at an offset, after another, on a condition, or only by hand. */
    public sealed interface Timing {
        record At(Duration offset) implements Timing {
        }

        record After(String injectId, Duration delay) implements Timing {
        }

        /** On a condition; {@code afterInjectId}, when set, must have been delivered first. */
        record When(Condition condition, String afterInjectId) implements Timing {
        }

        record Manual() implements Timing {
        }
    }

    /** A condition on the room. */
    public sealed interface Condition {
        record Decision(boolean accepted, String titleContains) implements Condition {
        }

        record RoleAssigned(Role role) implements Condition {
        }

        record ExpectationMet(String expectationId) implements Condition {
        }

        record ExpectationMissed(String expectationId) implements Condition {
        }
    }

    /** {@code medium}: how it reaches the players (a news article, an e-mail, ...); null: a plain message. */
    public record Inject(String id, String title, String body, Set<Role> to, Timing timing, List<String> prompts,
            String facilitatorNotes, List<Expectation> expectations, Medium medium) {
    }

    public enum Action {
        ASSIGN_ROLE("assign_role"),
        PROPOSE_DECISION("propose_decision"),
        ACCEPT_DECISION("accept_decision"),
        POST_UPDATE("post_update"),
        APPROVE_STATEMENT("approve_statement"),
        PUBLISH_STATEMENT("publish_statement"),
        ACKNOWLEDGE("acknowledge");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Action> find(String wire) {
            for (Action action : values()) {
                if (action.wire.equals(wire)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    /** What a role should do after an inject, within how long; rates an objective. */
    public record Expectation(String id, Role role, Action action, Duration within, String objective, Role assigns,
            Set<Role> approvers, Audience audience) {
    }

    public Optional<Inject> inject(String id) {
        return injects.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<Expectation> expectations() {
        return injects.stream().flatMap(i -> i.expectations().stream()).toList();
    }

    public Optional<Inject> injectOf(String expectationId) {
        return injects.stream().filter(i -> i.expectations().stream().anyMatch(e -> e.id().equals(expectationId))).findFirst();
    }
}

package io.sitroom.action;

import java.time.Instant;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Commands on action items. */
public sealed interface ActionCommand extends Command {

    /** A remediation risk estimate, each factor 1 (low) to 5 (high). */
    record Risk(Integer likelihood, Integer impact, Integer exposure, Integer effort) {
        public Risk {
            factor(likelihood, "likelihood");
            factor(impact, "impact");
            factor(exposure, "exposure");
            factor(effort, "effort");
        }

        private static void factor(Integer value, String name) {
            if (value == null || value < 1 || value > 5) {
                throw SitroomException.invalid("field 'risk." + name + "' must be a whole number from 1 to 5");
            }
        }

        /**
         * Ranks remediation work: likelihood x impact x exposure, weighted up for less effort:
         * {@code L * I * E * (6 - effort)}, from 1 to 625.
         */
        public int score() {
            return likelihood * impact * exposure * (6 - effort);
        }
    }

    record Create(String title, UUID ownerId, Role ownerRole, Instant dueAt, UUID decisionId, Risk risk) implements ActionCommand {
        public Create {
            title = Fields.text(title, "title", 500);
        }
    }

    record Update(UUID actionId, ActionStatus status, String note) implements ActionCommand {
        public Update {
            Fields.required(actionId, "actionId");
            Fields.required(status, "status");
            note = Fields.optionalText(note, "note", 2_000);
        }
    }
}

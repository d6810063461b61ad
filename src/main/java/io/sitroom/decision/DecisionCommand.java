package io.sitroom.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Commands of the decision log. */
public sealed interface DecisionCommand extends Command {

    record Propose(String title, String context, List<String> options, String choice, String rationale, Set<Role> approvers,
            Instant expiresAt, UUID supersedes) implements DecisionCommand {
        public Propose {
            title = Fields.text(title, "title", 200);
            context = Fields.optionalText(context, "context", 10_000);
            options = options == null ? List.of() : List.copyOf(options);
            if (options.size() > 20 || options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 500)) {
                throw io.sitroom.error.SitroomException.invalid("field 'options' takes up to 20 options of 1 to 500 characters");
            }
            choice = Fields.text(choice, "choice", 2_000);
            rationale = Fields.text(rationale, "rationale", 10_000);
            approvers = Set.copyOf(Fields.nonEmpty(approvers, "approvers"));
        }
    }

    record Approve(UUID decisionId, String comment) implements DecisionCommand {
        public Approve {
            Fields.required(decisionId, "decisionId");
            comment = Fields.optionalText(comment, "comment", 2_000);
        }
    }

    record Reject(UUID decisionId, String reason) implements DecisionCommand {
        public Reject {
            Fields.required(decisionId, "decisionId");
            reason = Fields.text(reason, "reason", 2_000);
        }
    }
}

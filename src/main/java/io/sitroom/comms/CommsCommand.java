package io.sitroom.comms;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Status updates by audience, external statements, and acknowledgements. */
public sealed interface CommsCommand extends Command {

    int FIELD_MAX = 10_000;

    /**
     * A status update. {@code summary} (what happened) always; the executive fields (impact: what it
     * means, decisionNeeded, nextUpdateAt), engineering fields (rootCause, fixOptions, testPlan,
     * deploymentPath) and legal fields (exposure, obligations, evidence, timeline) only for their audience.
     */
    record PostUpdate(Audience audience, String summary, String impact, String decisionNeeded, Instant nextUpdateAt, String rootCause,
            String fixOptions, String testPlan, String deploymentPath, String exposure, String obligations, String evidence,
            String timeline) implements CommsCommand {
        public PostUpdate {
            Fields.required(audience, "audience");
            summary = Fields.text(summary, "summary", FIELD_MAX);
            impact = Fields.optionalText(impact, "impact", FIELD_MAX);
            decisionNeeded = Fields.optionalText(decisionNeeded, "decisionNeeded", FIELD_MAX);
            rootCause = Fields.optionalText(rootCause, "rootCause", FIELD_MAX);
            fixOptions = Fields.optionalText(fixOptions, "fixOptions", FIELD_MAX);
            testPlan = Fields.optionalText(testPlan, "testPlan", FIELD_MAX);
            deploymentPath = Fields.optionalText(deploymentPath, "deploymentPath", FIELD_MAX);
            exposure = Fields.optionalText(exposure, "exposure", FIELD_MAX);
            obligations = Fields.optionalText(obligations, "obligations", FIELD_MAX);
            evidence = Fields.optionalText(evidence, "evidence", FIELD_MAX);
            timeline = Fields.optionalText(timeline, "timeline", FIELD_MAX);
            onlyFor(Audience.EXECUTIVE, audience, "impact", impact, "decisionNeeded", decisionNeeded, "nextUpdateAt", nextUpdateAt);
            onlyFor(Audience.ENGINEERING, audience, "rootCause", rootCause, "fixOptions", fixOptions, "testPlan", testPlan,
                    "deploymentPath", deploymentPath);
            onlyFor(Audience.LEGAL, audience, "exposure", exposure, "obligations", obligations, "evidence", evidence, "timeline",
                    timeline);
            if (audience == Audience.EXECUTIVE && impact == null) {
                throw SitroomException.invalid("an executive update needs 'impact': what it means for the business");
            }
            if (audience == Audience.LEGAL && exposure == null) {
                throw SitroomException.invalid("a legal update needs 'exposure'");
            }
        }

        private static void onlyFor(Audience owner, Audience audience, Object... namesAndValues) {
            if (audience == owner) {
                return;
            }
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    throw SitroomException.invalid("field '" + namesAndValues[i] + "' belongs to " + owner.wire() + " updates");
                }
            }
        }
    }

    record DraftStatement(UUID statementId, String title, String body, String channel) implements CommsCommand {
        public DraftStatement {
            title = Fields.text(title, "title", 200);
            body = Fields.text(body, "body", 20_000);
            channel = Fields.text(channel, "channel", 64);
        }
    }

    /** {@code as}: which of the approver's roles this approval is given as (when they hold both). */
    record ApproveStatement(UUID statementId, Role as) implements CommsCommand {
        public ApproveStatement {
            Fields.required(statementId, "statementId");
        }
    }

    record PublishStatement(UUID statementId) implements CommsCommand {
        public PublishStatement {
            Fields.required(statementId, "statementId");
        }
    }

    record RequestAck(Long about, Set<Role> roles) implements CommsCommand {
        public RequestAck {
            Fields.required(about, "about");
            roles = Set.copyOf(Fields.nonEmpty(roles, "roles"));
        }
    }

    record GiveAck(UUID ackId) implements CommsCommand {
        public GiveAck {
            Fields.required(ackId, "ackId");
        }
    }
}

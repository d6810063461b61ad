package io.sitroom.proof;

import java.util.ArrayList;
import java.util.List;

import io.sitroom.action.ActionEvent;
import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RoomEvent;

/**
 * Lessons the record itself points at: missed cadences, silent acknowledgements, overdue actions,
 * expired exceptions, dissent, and notes the team marked as a lesson ("lesson: ..."), from the events the
 * exporter may see. Pure and JDK-only: the export's {@code lessonsLearned}, and the verifier's check of it.
 */
public final class LessonsLearned {

    private LessonsLearned() {
    }

    public static List<String> from(List<Fact> events) {
        List<String> lessons = new ArrayList<>();
        long updatesOverdue = count(events, CommsEvent.UpdateOverdue.class);
        if (updatesOverdue > 0) {
            lessons.add("The status update cadence was missed " + updatesOverdue + " time(s): agree who posts updates, and when, at the start.");
        }
        long acksOverdue = count(events, CommsEvent.AckOverdue.class);
        if (acksOverdue > 0) {
            lessons.add(acksOverdue + " request(s) for acknowledgement went unanswered past their time: name a deputy for each role.");
        }
        long actionsOverdue = count(events, ActionEvent.Overdue.class);
        if (actionsOverdue > 0) {
            lessons.add(actionsOverdue + " action item(s) passed their due time: review owners and deadlines in every update.");
        }
        long expired = count(events, DecisionEvent.Expired.class);
        if (expired > 0) {
            lessons.add(expired + " time-bound exception(s) expired: check that each was closed or renewed on purpose.");
        }
        long rejected = count(events, DecisionEvent.Rejected.class);
        if (rejected > 0) {
            lessons.add(rejected + " decision(s) were rejected with a recorded reason: review the dissent in the decision log.");
        }
        for (Fact e : events) {
            if (e.payload() instanceof RoomEvent.NoteAdded note) {
                String text = note.text();
                if (text.regionMatches(true, 0, "lesson:", 0, 7)) {
                    lessons.add(text.substring(7).strip() + " (noted by " + (e.actor() == null ? "the server" : e.actor().displayName()) + ")");
                }
            }
        }
        if (!events.isEmpty() && count(events, ActionEvent.Created.class) == 0) {
            lessons.add("No action item was recorded: follow-up work should be tracked to closure.");
        }
        return lessons;
    }

    private static long count(List<Fact> events, Class<? extends EventPayload> type) {
        return events.stream().filter(e -> type.isInstance(e.payload())).count();
    }

}

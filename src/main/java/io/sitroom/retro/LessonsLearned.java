package io.sitroom.retro;

import java.util.ArrayList;
import java.util.List;

import io.sitroom.room.EventView;
import io.sitroom.room.RoomSnapshot;

/**
 * Lessons the record itself points at: missed cadences, silent acknowledgements, overdue actions,
 * expired exceptions, dissent, and notes the team marked as a lesson ("lesson: ..."). Pure.
 */
final class LessonsLearned {

    private LessonsLearned() {
    }

    static List<String> from(List<EventView> events, RoomSnapshot snapshot) {
        List<String> lessons = new ArrayList<>();
        long updatesOverdue = count(events, "update.overdue");
        if (updatesOverdue > 0) {
            lessons.add("The status update cadence was missed " + updatesOverdue + " time(s): agree who posts updates, and when, at the start.");
        }
        long acksOverdue = count(events, "ack.overdue");
        if (acksOverdue > 0) {
            lessons.add(acksOverdue + " request(s) for acknowledgement went unanswered past their time: name a deputy for each role.");
        }
        long actionsOverdue = count(events, "action.overdue");
        if (actionsOverdue > 0) {
            lessons.add(actionsOverdue + " action item(s) passed their due time: review owners and deadlines in every update.");
        }
        long expired = count(events, "decision.expired");
        if (expired > 0) {
            lessons.add(expired + " time-bound exception(s) expired: check that each was closed or renewed on purpose.");
        }
        long rejected = count(events, "decision.rejected");
        if (rejected > 0) {
            lessons.add(rejected + " decision(s) were rejected with a recorded reason: review the dissent in the decision log.");
        }
        for (EventView e : events) {
            if (e.kind().equals("note.added")) {
                String text = e.data().path("text").asText();
                if (text.regionMatches(true, 0, "lesson:", 0, 7)) {
                    lessons.add(text.substring(7).strip() + " (noted by " + (e.actor() == null ? "the server" : e.actor().displayName()) + ")");
                }
            }
        }
        Object actions = snapshot.featureSections() == null ? null : snapshot.featureSections().get("actions");
        if (actions instanceof List<?> list && list.isEmpty() && !events.isEmpty()) {
            lessons.add("No action item was recorded: follow-up work should be tracked to closure.");
        }
        return lessons;
    }

    private static long count(List<EventView> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).count();
    }

}

package io.sitroom.exercise;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events of the participant feedback form (docs/protocol.md "Hot wash and feedback"). */
public sealed interface FeedbackEvent extends EventPayload {

    /** For everyone: the form is open; {@code objectives} are the ids a submission may rate. */
    @EventKind("feedback.opened")
    record Opened(List<String> objectives) implements FeedbackEvent {
    }

    /** For everyone: the form is closed; {@code respondents} members had submitted. */
    @EventKind("feedback.closed")
    record Closed(int respondents) implements FeedbackEvent {
    }

    /**
     * For the facilitator (and the member who wrote it, as every restricted event): one member's answers.
     * {@code replacesSeq}: the seq of that member's earlier submission it replaces, null for the first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @EventKind("feedback.submitted")
    record Submitted(List<String> strengths, List<String> improvements, Map<String, Integer> ratings, String comments, Long replacesSeq)
            implements FeedbackEvent {
    }
}

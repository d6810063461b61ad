package io.sitroom.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/**
 * The hot wash's Participant Feedback Form (HSEEP): the facilitator opens and closes it; a player
 * submits strengths, areas for improvement, a 1-5 rating per scenario objective and free text.
 */
public sealed interface FeedbackCommand extends Command {

    int MAX_ITEMS = 20;
    int MAX_ITEM_LENGTH = 2_000;
    int MAX_COMMENTS_LENGTH = 10_000;

    record Open() implements FeedbackCommand {
    }

    record Close() implements FeedbackCommand {
    }

    /**
     * One member's answers; a later submission replaces the earlier one. {@code ratings}: objective id
     * to 1 (poor) ... 5 (excellent); an objective left out is not rated (HSEEP's "not applicable").
     */
    record Submit(List<String> strengths, List<String> improvements, Map<String, Integer> ratings, String comments)
            implements FeedbackCommand {
        public Submit {
            strengths = checkItems(strengths, "strengths");
            improvements = checkItems(improvements, "improvements");
            ratings = checkRatings(ratings);
            comments = Fields.optionalText(comments, "comments", MAX_COMMENTS_LENGTH);
            if (strengths.isEmpty() && improvements.isEmpty() && ratings.isEmpty() && comments == null) {
                throw SitroomException.invalid("the feedback is empty: give strengths, improvements, ratings or comments");
            }
        }
    }

    /** A list of short texts, blank entries dropped. */
    private static List<String> checkItems(List<String> items, String field) {
        if (items == null) {
            return List.of();
        }
        List<String> kept = items.stream().filter(s -> s != null && !s.isBlank()).map(s -> Fields.text(s, field, MAX_ITEM_LENGTH)).toList();
        if (kept.size() > MAX_ITEMS) {
            throw SitroomException.invalid("field '" + field + "' holds more than " + MAX_ITEMS + " entries");
        }
        return kept;
    }

    private static Map<String, Integer> checkRatings(Map<String, Integer> ratings) {
        if (ratings == null) {
            return Map.of();
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        ratings.forEach((objective, rating) -> {
            if (rating == null || rating < 1 || rating > 5) {
                throw SitroomException.invalid("the rating of objective '" + objective + "' must be from 1 to 5");
            }
            kept.put(Fields.text(objective, "ratings", 64), rating);
        });
        return java.util.Collections.unmodifiableMap(kept);
    }
}

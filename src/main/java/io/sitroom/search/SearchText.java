package io.sitroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.sitroom.action.ActionEvent;
import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.exercise.ExerciseEvent;
import io.sitroom.playbook.PlaybookEvent;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RoomEvent;

/**
 * What of an event is worth finding: the words people wrote (titles, notes, decisions with their
 * rationale, updates, statements, actions, injects and responses, checklist items with notes and skip
 * reasons, custom fields). Events about roles, votes and timers have none. Pure, on typed records.
 */
final class SearchText {

    static final int MAX = 100_000;

    private SearchText() {
    }

    /** The searchable text of an event, or null if it has none. */
    static String of(EventPayload payload) {
        List<String> parts = new ArrayList<>();
        if (payload instanceof RoomEvent.RoomCreated created) {
            parts.add(created.title());
        } else if (payload instanceof RoomEvent.NoteAdded note) {
            parts.add(note.text());
        } else if (payload instanceof DecisionEvent.Proposed proposed) {
            parts.add(proposed.title());
            parts.add(proposed.context());
            parts.add(proposed.choice());
            parts.add(proposed.rationale());
            if (proposed.options() != null) {
                parts.addAll(proposed.options());
            }
        } else if (payload instanceof ActionEvent.Created action) {
            parts.add(action.title());
        } else if (payload instanceof CommsEvent.UpdatePosted u) {
            parts.addAll(java.util.Arrays.asList(u.summary(), u.impact(), u.decisionNeeded(), u.rootCause(), u.fixOptions(), u.testPlan(),
                    u.deploymentPath(), u.exposure(), u.obligations(), u.evidence(), u.timeline()));
        } else if (payload instanceof CommsEvent.StatementDrafted s) {
            parts.add(s.title());
            parts.add(s.body());
        } else if (payload instanceof ExerciseEvent.InjectDelivered inject) {
            parts.add(inject.title());
            parts.add(inject.body());
        } else if (payload instanceof ExerciseEvent.InjectResponded response) {
            parts.add(response.text());
        } else if (payload instanceof PlaybookEvent.Applied applied) {
            parts.add(applied.title());
            applied.items().forEach(i -> parts.add(i.text()));
        } else if (payload instanceof PlaybookEvent.Checked checked) {
            parts.add(checked.text());
            parts.add(checked.note());
        } else if (payload instanceof PlaybookEvent.Skipped skipped) {
            parts.add(skipped.text());
            parts.add(skipped.reason());
        } else if (payload instanceof PlaybookEvent.FieldSet field) {
            parts.add(field.label() + ": " + field.display());
        }
        String text = String.join("\n", parts.stream().filter(Objects::nonNull).filter(p -> !p.isBlank()).toList());
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }
}

package io.sitroom.exercise;

/**
 * The scenario an exercise plays, as stored with it: its id, the uploaded version (null for one from the
 * deployment's files), the SHA-256 of its text (what the room's {@code room.created} records) and the text. In a
 * facilitator's export, so that the exercise the export shows can be derived again from its events.
 */
public record PlayedScenario(String id, Integer version, String sha256, String text) {
}

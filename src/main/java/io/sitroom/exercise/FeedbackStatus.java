package io.sitroom.exercise;

/** The participant feedback form of an exercise, as the facilitator left it (never opened: no status). */
public enum FeedbackStatus {
    OPEN, CLOSED;

    public String wire() {
        return name().toLowerCase();
    }
}

package io.sitroom.exercise;

/** Where an exercise's playback is. */
public enum ExerciseStatus {
    READY,
    RUNNING,
    PAUSED,
    ENDED;

    public String wire() {
        return name().toLowerCase();
    }
}

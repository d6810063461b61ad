package io.sitroom.verify;

import java.time.Instant;
import java.util.Optional;

/**
 * Derives an exercise's state ({@code room.exercise}) and score ({@code metrics.exerciseScore}) from a verified
 * export that carries the scenario it plays, with the server's own exercise code. Playing the events on the
 * scenario needs the server's scenario parser (SnakeYAML) and records, which the rest of this package must not:
 * the one implementation ({@code io.sitroom.retro.ExerciseCheck}) is found through {@link java.util.ServiceLoader},
 * and without it (the verifier's own classes alone) the exercise is listed as not derived.
 */
public interface ExerciseDerivation {

    /**
     * The exercise as the exporter's snapshot shows it, and its score as the facilitator's metrics do (null when the
     * file carries no script: a player's), as plain JSON values.
     */
    record Derived(Object exercise, Object exerciseScore) {
    }

    /**
     * The exercise of this export as of {@code asOf}, from its events up to {@code headSeq} (the snapshot's): played on
     * the scenario the file carries (the facilitator's export), or, without one, as far as the exporter's events show it
     * (a player's: what {@code room.created} records of the scenario and the injects that reached them). Empty when
     * its room did not record its scenario (opened before it did).
     *
     * @throws IllegalArgumentException when the scenario is not the one the room records, or the events do not play on
     *         it as the server plays them, with a one-line reason
     */
    Optional<Derived> derive(String exportJson, long headSeq, Instant asOf);
}

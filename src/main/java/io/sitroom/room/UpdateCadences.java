package io.sitroom.room;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a room owes a status update at a severity by the deployment's settings, provided by the feature
 * that keeps the update schedule (comms): a room records it in its {@code room.created}, so the schedule it
 * opens with is in the log like every later one.
 */
public interface UpdateCadences {

    /** Empty: no update is owed at this severity. */
    Optional<Duration> deploymentCadence(Severity severity);
}

package io.sitroom.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.clock.WireTime;
import io.sitroom.role.Role;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Severity;

/**
 * One room's response metrics (docs/protocol.md "Metrics"). Durations are in whole seconds; null
 * when the thing never happened. {@code exerciseScore} is there for exercises only: for their facilitator, and
 * for every member once the facilitator released the report.
 */
public record RoomMetrics(UUID roomId, RoomKind kind, String title, Severity severity, Phase phase, String openedAt, String closedAt,
        Long timeToAcknowledgeSeconds, Long timeToFirstExecutiveUpdateSeconds, Long timeToContainmentSeconds, Long decisionLatencySeconds,
        long overdueActions, int openExceptions, Long oldestOpenExceptionAgeSeconds, Long meanTimeToCloseHighRiskActionsSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExerciseScore exerciseScore) {

    /** An exercise's score: expectations met of those triggered (0..1, null when none was), and when it ended. */
    public record ExerciseScore(long met, int triggered, Double score, String endedAt) {
    }

    /** What a room is, as read with its metrics. */
    public record RoomInfo(UUID id, RoomKind kind, String title, Severity severity, Phase phase, Instant createdAt) {
    }

    /** Accepted decisions whose expiry is still ahead: how many, and when the oldest of them was accepted. */
    public record OpenExceptions(int count, Instant oldestDecidedAt) {
    }

    /** A room's metrics from its kept tally and its open exceptions, at {@code now}. Pure. */
    public static RoomMetrics of(RoomInfo room, MetricsTally t, OpenExceptions exceptions, Instant now) {
        ExerciseScore score = room.kind() != RoomKind.EXERCISE ? null
                : new ExerciseScore(t.expectationsMet(), t.expectationsTriggered(),
                        t.expectationsTriggered() == 0 ? null : (double) t.expectationsMet() / t.expectationsTriggered(),
                        WireTime.formatOrNull(t.exerciseEndedAt()));
        return new RoomMetrics(room.id(), room.kind(), room.title(), room.severity(), room.phase(), WireTime.format(room.createdAt()),
                WireTime.formatOrNull(t.closedAt()), t.acknowledge().seconds(), since(room.createdAt(), t.firstExecutiveUpdateAt()),
                since(room.createdAt(), t.containedAt()), t.decisionLatency().seconds(), t.overdueActions(), exceptions.count(),
                since(exceptions.oldestDecidedAt(), exceptions.count() == 0 ? null : now), t.highRiskClose().seconds(), score);
    }

    /**
     * The metrics as a member holding {@code roles} may see them. An exercise's score is its
     * facilitator's, as the after-action report is, until the facilitator releases the report
     * ({@code released}): before, a player sees no score (which would also tell how many expectations
     * injects to other roles started, while they can still be met).
     */
    public RoomMetrics seenBy(Set<Role> roles, boolean released) {
        if (exerciseScore == null || released || roles.contains(kind.leadRole())) {
            return this;
        }
        return new RoomMetrics(roomId, kind, title, severity, phase, openedAt, closedAt, timeToAcknowledgeSeconds,
                timeToFirstExecutiveUpdateSeconds, timeToContainmentSeconds, decisionLatencySeconds, overdueActions, openExceptions,
                oldestOpenExceptionAgeSeconds, meanTimeToCloseHighRiskActionsSeconds, null);
    }

    /** Whole seconds from one moment to a later one (cut, not rounded); null when the later never came. */
    private static Long since(Instant from, Instant to) {
        return from == null || to == null ? null : (long) (Duration.between(from, to).toMillis() / 1000.0);
    }
}

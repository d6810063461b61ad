package io.sitroom.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;

import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Severity;

/** The metrics of every room of a user, and totals across them. */
public record MetricsSummary(Totals totals, List<RoomMetrics> rooms) {

    /**
     * Across the rooms: open incidents by severity, overdue actions and open exceptions summed, the
     * rooms' measures averaged (rooms where it never happened left out), ended exercises' scores by end time.
     */
    public record Totals(Map<Severity, Integer> openIncidentsBySeverity, long overdueActions, long openExceptions,
            Long meanTimeToContainmentSeconds, Long meanDecisionLatencySeconds, Long meanTimeToAcknowledgeSeconds,
            Long meanTimeToFirstExecutiveUpdateSeconds, List<ScorePoint> exerciseScoresOverTime) {
    }

    public record ScorePoint(UUID roomId, String title, String endedAt, Double score) {
    }

    /** Totals over the rooms, open incidents by severity in the deployment's order. Pure. */
    public static MetricsSummary of(List<RoomMetrics> rooms, Comparator<Severity> bySeverity) {
        Map<Severity, Integer> openBySeverity = new TreeMap<>(bySeverity);
        List<ScorePoint> scores = new ArrayList<>();
        for (RoomMetrics m : rooms) {
            if (m.kind() == RoomKind.INCIDENT && !m.phase().isClosed()) {
                openBySeverity.merge(m.severity(), 1, Integer::sum);
            }
            if (m.exerciseScore() != null && m.exerciseScore().endedAt() != null) {
                scores.add(new ScorePoint(m.roomId(), m.title(), m.exerciseScore().endedAt(), m.exerciseScore().score()));
            }
        }
        // Wire times sort as text in time order.
        scores.sort(Comparator.comparing(ScorePoint::endedAt));
        Totals totals = new Totals(openBySeverity, rooms.stream().mapToLong(RoomMetrics::overdueActions).sum(),
                rooms.stream().mapToLong(RoomMetrics::openExceptions).sum(), mean(rooms, RoomMetrics::timeToContainmentSeconds),
                mean(rooms, RoomMetrics::decisionLatencySeconds), mean(rooms, RoomMetrics::timeToAcknowledgeSeconds),
                mean(rooms, RoomMetrics::timeToFirstExecutiveUpdateSeconds), scores);
        return new MetricsSummary(totals, rooms);
    }

    private static Long mean(List<RoomMetrics> rooms, Function<RoomMetrics, Long> measure) {
        OptionalDouble mean = rooms.stream().map(measure).filter(Objects::nonNull).mapToLong(Long::longValue).average();
        return mean.isPresent() ? Math.round(mean.getAsDouble()) : null;
    }
}

package io.sitroom.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.action.ActionItem;
import io.sitroom.action.ActionStatus;
import io.sitroom.decision.Decision;
import io.sitroom.decision.DecisionState;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseStatus;
import io.sitroom.exercise.ExpectationRecord;
import io.sitroom.exercise.PlaybackState;
import io.sitroom.room.HashChain;
import io.sitroom.room.LoggedEvent;
import io.sitroom.room.Phase;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomMember;
import io.sitroom.room.RoomService;
import io.sitroom.room.Severity;

/**
 * Response metrics from the rooms' records: how fast a team acknowledged, informed executives,
 * contained and decided; what is overdue or open. Durations are in seconds; null when the thing
 * never happened. Computed from the log and its projections, so they agree with the exports.
 */
@ApplicationScoped
public class MetricsService {

    /** Actions with at least this risk score count as high risk. */
    public static final int HIGH_RISK = 100;
    private static final Set<String> CONTAINED = Set.of("containment", "eradication", "recovery", "post_incident", "closed");

    private final RoomService rooms;
    private final Clock clock;

    public MetricsService(RoomService rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    /** One room's metrics (the caller has checked membership). */
    @Transactional
    public Map<String, Object> forRoom(UUID roomId) {
        Room room = Room.findById(roomId);
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roomId", roomId);
        m.put("kind", room.kind);
        m.put("title", room.title);
        m.put("severity", room.severity);
        m.put("phase", room.phase);
        m.put("openedAt", HashChain.formatTime(room.createdAt));
        Instant closedAt = firstAt(roomId, "room.phase_changed", e -> e.data.contains("\"to\":\"closed\""));
        m.put("closedAt", closedAt == null ? null : HashChain.formatTime(closedAt));
        m.put("timeToAcknowledgeSeconds", timeToAcknowledge(roomId));
        m.put("timeToFirstExecutiveUpdateSeconds",
                since(room.createdAt, firstAt(roomId, "update.posted", e -> e.data.contains("\"audience\":\"executive\""))));
        m.put("timeToContainmentSeconds", since(room.createdAt, firstAt(roomId, "room.phase_changed",
                e -> CONTAINED.stream().anyMatch(p -> e.data.contains("\"to\":\"" + p + "\"")))));
        List<Decision> decisions = Decision.ofRoom(roomId);
        m.put("decisionLatencySeconds", mean(decisions.stream().filter(d -> d.decidedAt != null && d.status != DecisionState.Status.REJECTED)
                .mapToDouble(d -> seconds(d.proposedAt, d.decidedAt)).average()));
        List<ActionItem> actions = ActionItem.list("roomId", roomId);
        m.put("overdueActions", actions.stream().filter(a -> a.overdue && !a.status.closed()).count());
        List<Decision> openExceptions = decisions.stream()
                .filter(d -> d.status == DecisionState.Status.ACCEPTED && d.expiresAt != null && d.expiresAt.isAfter(now)).toList();
        m.put("openExceptions", openExceptions.size());
        OptionalDouble oldest = openExceptions.stream().mapToDouble(d -> seconds(d.decidedAt, now)).max();
        m.put("oldestOpenExceptionAgeSeconds", oldest.isPresent() ? (long) oldest.getAsDouble() : null);
        m.put("meanTimeToCloseHighRiskActionsSeconds", mean(actions.stream()
                .filter(a -> a.riskScore != null && a.riskScore >= HIGH_RISK && a.status == ActionStatus.DONE && a.closedAt != null)
                .mapToDouble(a -> seconds(a.createdAt, a.closedAt)).average()));
        if (room.kind == RoomKind.EXERCISE) {
            m.put("exerciseScore", exerciseScore(roomId));
        }
        return m;
    }

    /** The metrics of every room a user belongs to, and totals across them. */
    @Transactional
    public Map<String, Object> forUser(UUID userId) {
        List<Map<String, Object>> perRoom = new ArrayList<>();
        Map<Severity, Integer> openBySeverity = new EnumMap<>(Severity.class);
        long overdue = 0;
        long exceptions = 0;
        List<Map<String, Object>> scores = new ArrayList<>();
        for (RoomMember membership : RoomMember.<RoomMember> list("userId", userId)) {
            Map<String, Object> m = forRoom(membership.roomId);
            perRoom.add(m);
            Room room = Room.findById(membership.roomId);
            if (room.kind == RoomKind.INCIDENT && room.phase != Phase.CLOSED) {
                openBySeverity.merge(room.severity, 1, Integer::sum);
            }
            overdue += (Long) m.get("overdueActions");
            exceptions += (Integer) m.get("openExceptions");
            if (m.get("exerciseScore") instanceof Map<?, ?> score && score.get("endedAt") != null) {
                scores.add(Map.of("roomId", room.id, "title", room.title, "endedAt", score.get("endedAt"), "score", score.get("score")));
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("openIncidentsBySeverity", openBySeverity);
        totals.put("overdueActions", overdue);
        totals.put("openExceptions", exceptions);
        totals.put("meanTimeToContainmentSeconds", meanOf(perRoom, "timeToContainmentSeconds"));
        totals.put("meanDecisionLatencySeconds", meanOf(perRoom, "decisionLatencySeconds"));
        totals.put("meanTimeToAcknowledgeSeconds", meanOf(perRoom, "timeToAcknowledgeSeconds"));
        totals.put("meanTimeToFirstExecutiveUpdateSeconds", meanOf(perRoom, "timeToFirstExecutiveUpdateSeconds"));
        scores.sort((a, b) -> ((String) a.get("endedAt")).compareTo((String) b.get("endedAt")));
        totals.put("exerciseScoresOverTime", scores);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("totals", totals);
        result.put("rooms", perRoom);
        return result;
    }

    /** A room's metrics, for one of its members. */
    @Transactional
    public Map<String, Object> forMember(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return forRoom(roomId);
    }

    private Long timeToAcknowledge(UUID roomId) {
        List<LoggedEvent> requests = LoggedEvent.latestOfKind(roomId, "ack.requested", 1_000);
        List<LoggedEvent> given = LoggedEvent.latestOfKind(roomId, "ack.given", 10_000);
        List<Double> times = new ArrayList<>();
        for (LoggedEvent request : requests) {
            String ackId = io.sitroom.room.EventView.parseData(request.data).path("ackId").asText();
            given.stream().filter(g -> g.data.contains("\"ackId\":\"" + ackId + "\"") && g.data.contains("\"pending\":[]")).findFirst()
                    .ifPresent(done -> times.add(seconds(request.at, done.at)));
        }
        return mean(times.stream().mapToDouble(Double::doubleValue).average());
    }

    private static Map<String, Object> exerciseScore(UUID roomId) {
        Exercise exercise = Exercise.findById(roomId);
        List<ExpectationRecord> expectations = ExpectationRecord.list("roomId", roomId);
        long met = expectations.stream().filter(e -> e.outcome == PlaybackState.Outcome.MET).count();
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("met", met);
        score.put("triggered", expectations.size());
        score.put("score", expectations.isEmpty() ? null : (double) met / expectations.size());
        score.put("endedAt", exercise != null && exercise.status == ExerciseStatus.ENDED && exercise.endedAt != null
                ? HashChain.formatTime(exercise.endedAt) : null);
        return score;
    }

    private static Instant firstAt(UUID roomId, String kind, java.util.function.Predicate<LoggedEvent> match) {
        List<LoggedEvent> events = LoggedEvent.latestOfKind(roomId, kind, 10_000);
        Instant first = null;
        for (LoggedEvent e : events) {
            if (match.test(e)) {
                first = e.at;
            }
        }
        return first;
    }

    private static Long since(Instant from, Instant to) {
        return to == null ? null : (long) seconds(from, to);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Long mean(OptionalDouble average) {
        return average.isPresent() ? Math.round(average.getAsDouble()) : null;
    }

    private static Long meanOf(List<Map<String, Object>> rooms, String key) {
        return mean(rooms.stream().map(m -> m.get(key)).filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).average());
    }
}

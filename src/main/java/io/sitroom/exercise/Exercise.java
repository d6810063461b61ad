package io.sitroom.exercise;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An exercise room's playback state, kept in the database so a restarted server carries on where it was. */
@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "scenario_id", nullable = false, length = 64)
    public String scenarioId;

    /** The scenario file as it was when the exercise was created. */
    @Column(name = "scenario_yaml", nullable = false, length = 1_000_000)
    public String scenarioYaml;

    /** The version of the scenario copied (0: a shipped or folder file; 1, 2, ...: an upload). */
    @Column(name = "scenario_version")
    public Integer scenarioVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ExerciseStatus status;

    @Column(nullable = false)
    public double speed;

    @Column(name = "anchor_scenario_ms", nullable = false)
    public long anchorScenarioMs;

    @Column(name = "anchor_at")
    public Instant anchorAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** When the facilitator released the after-action report to everyone; null until then. */
    @Column(name = "report_released_at")
    public Instant reportReleasedAt;

    /** When the exercise is planned to start (issue 18, item 9); null unless scheduled. */
    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    /** The participant feedback form (issue 18, item 5): null until first opened. */
    @Enumerated(EnumType.STRING)
    @Column(name = "feedback_status", length = 16)
    public FeedbackStatus feedbackStatus;

    /**
     * When the exercise in a room is planned to start, for its invitations: null when the room is no
     * exercise or the exercise is not scheduled.
     */
    public static Instant startsAt(UUID roomId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> {
            Exercise exercise = findById(roomId);
            return exercise == null ? null : exercise.scheduledAt;
        });
    }

    public ScenarioClock clock() {
        return new ScenarioClock(status, speed, anchorScenarioMs, anchorAt);
    }

    /** Moves the clock's anchor: scenario time {@code scenarioMs} at wall time {@code at} (null while stopped). */
    void anchor(long scenarioMs, Instant at) {
        anchorScenarioMs = scenarioMs;
        anchorAt = at;
    }

    public PlaybackState state() {
        Map<String, Long> delivered = new HashMap<>();
        DeliveredInject.<DeliveredInject> list("roomId", roomId).forEach(d -> delivered.put(d.injectId, d.scenarioMs));
        Map<String, PlaybackState.ExpectationState> expectations = new HashMap<>();
        ExpectationRecord.<ExpectationRecord> list("roomId", roomId)
                .forEach(e -> expectations.put(e.expectationId, new PlaybackState.ExpectationState(e.outcome, e.dueScenarioMs)));
        Map<String, PlaybackState.InjectChange> changes = new HashMap<>();
        InjectChangeRecord.<InjectChangeRecord> list("roomId", roomId).forEach(c -> changes.put(c.injectId, c.change()));
        return new PlaybackState(scenarioId, clock(), delivered, expectations, changes);
    }
}

package io.sitroom.metrics;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A room's {@link MetricsTally} as stored: one row per room, kept in step with its log by {@link MetricsFeature}. */
@Entity
@Table(name = "room_metrics")
public class RoomMetricsRow extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "contained_at")
    public Instant containedAt;

    @Column(name = "first_executive_update_at")
    public Instant firstExecutiveUpdateAt;

    @Column(name = "ack_count", nullable = false)
    public long ackCount;

    @Column(name = "ack_millis", nullable = false)
    public long ackMillis;

    @Column(name = "decision_count", nullable = false)
    public long decisionCount;

    @Column(name = "decision_millis", nullable = false)
    public long decisionMillis;

    @Column(name = "overdue_actions", nullable = false)
    public int overdueActions;

    @Column(name = "high_risk_done_count", nullable = false)
    public long highRiskDoneCount;

    @Column(name = "high_risk_done_millis", nullable = false)
    public long highRiskDoneMillis;

    @Column(name = "expectations_met", nullable = false)
    public int expectationsMet;

    @Column(name = "expectations_triggered", nullable = false)
    public int expectationsTriggered;

    @Column(name = "exercise_ended_at")
    public Instant exerciseEndedAt;

    static RoomMetricsRow empty(UUID roomId) {
        RoomMetricsRow row = new RoomMetricsRow();
        row.roomId = roomId;
        row.keep(MetricsTally.EMPTY);
        return row;
    }

    public MetricsTally tally() {
        return new MetricsTally(closedAt, containedAt, firstExecutiveUpdateAt, new MetricsTally.Mean(ackCount, ackMillis),
                new MetricsTally.Mean(decisionCount, decisionMillis), overdueActions,
                new MetricsTally.Mean(highRiskDoneCount, highRiskDoneMillis), expectationsMet, expectationsTriggered, exerciseEndedAt);
    }

    /** Sets the columns to the tally (unchanged columns stay clean, so an event that changes nothing writes nothing). */
    void keep(MetricsTally t) {
        closedAt = t.closedAt();
        containedAt = t.containedAt();
        firstExecutiveUpdateAt = t.firstExecutiveUpdateAt();
        ackCount = t.acknowledge().count();
        ackMillis = t.acknowledge().totalMillis();
        decisionCount = t.decisionLatency().count();
        decisionMillis = t.decisionLatency().totalMillis();
        overdueActions = t.overdueActions();
        highRiskDoneCount = t.highRiskClose().count();
        highRiskDoneMillis = t.highRiskClose().totalMillis();
        expectationsMet = t.expectationsMet();
        expectationsTriggered = t.expectationsTriggered();
        exerciseEndedAt = t.exerciseEndedAt();
    }
}

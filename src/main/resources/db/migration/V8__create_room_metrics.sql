-- Response metrics, one row per room, kept as its log is appended (io.sitroom.metrics.MetricsFeature, in the
-- appending transaction): the first moments that matter, and running sums of durations in milliseconds with
-- their counts. Reading metrics is then one query whatever the length of the logs.
CREATE TABLE room_metrics (
    room_id                   UUID PRIMARY KEY REFERENCES room (id),
    closed_at                 TIMESTAMP WITH TIME ZONE,
    contained_at              TIMESTAMP WITH TIME ZONE,
    first_executive_update_at TIMESTAMP WITH TIME ZONE,
    ack_count                 BIGINT  NOT NULL,
    ack_millis                BIGINT  NOT NULL,
    decision_count            BIGINT  NOT NULL,
    decision_millis           BIGINT  NOT NULL,
    overdue_actions           INTEGER NOT NULL,
    high_risk_done_count      BIGINT  NOT NULL,
    high_risk_done_millis     BIGINT  NOT NULL,
    expectations_met          INTEGER NOT NULL,
    expectations_triggered    INTEGER NOT NULL,
    exercise_ended_at         TIMESTAMP WITH TIME ZONE
);

-- The rows of the rooms that exist, from the other projections (the same numbers the events would have
-- folded to), except the two moments no projection keeps. The log's JSON is not read here: the phase a
-- room.phase_changed event moved to is only in its data. So:
--   closed_at: for a room closed now, its last phase change (exact, unless it was closed before, reopened
--     and closed again: then the latest closure, not the first); null for a room open now, also one that
--     was closed once and reopened.
--   contained_at: exact when the room is at containment or later now and changed phase once; otherwise
--     unknown, so null: the room counts as never contained until it next moves to containment or later,
--     which then counts as its first time.
-- Durations: every time involved is an event's time, whole milliseconds, so rounding the epoch difference
-- is the milliseconds the fold adds. An acknowledgement request is complete when each role it names
-- (comma-separated in ack_request.roles) answered; it took until the last answer.
-- The statement is rerunnable (rooms with a row are left alone): MetricsBackfillTest runs it as written.
INSERT INTO room_metrics (room_id, closed_at, contained_at, first_executive_update_at, ack_count, ack_millis, decision_count,
        decision_millis, overdue_actions, high_risk_done_count, high_risk_done_millis, expectations_met, expectations_triggered,
        exercise_ended_at)
SELECT r.id,
    CASE WHEN r.phase = 'CLOSED' THEN
        (SELECT MAX(e.at) FROM room_event e WHERE e.room_id = r.id AND e.kind = 'room.phase_changed') END,
    CASE WHEN r.phase IN ('CONTAINMENT', 'ERADICATION', 'RECOVERY', 'POST_INCIDENT', 'CLOSED') THEN
        (SELECT MIN(e.at) FROM room_event e WHERE e.room_id = r.id AND e.kind = 'room.phase_changed' HAVING COUNT(*) = 1) END,
    (SELECT MIN(u.posted_at) FROM status_update u WHERE u.room_id = r.id AND u.audience = 'EXECUTIVE'),
    (SELECT COUNT(*) FROM ack_request a WHERE a.room_id = r.id
        AND (SELECT COUNT(*) FROM ack_response g WHERE g.ack_id = a.id) = LENGTH(a.roles) - LENGTH(REPLACE(a.roles, ',', '')) + 1),
    (SELECT COALESCE(SUM(CAST(ROUND(((SELECT EXTRACT(EPOCH FROM MAX(g.at)) FROM ack_response g WHERE g.ack_id = a.id)
            - EXTRACT(EPOCH FROM a.requested_at)) * 1000) AS BIGINT)), 0)
        FROM ack_request a WHERE a.room_id = r.id
        AND (SELECT COUNT(*) FROM ack_response g WHERE g.ack_id = a.id) = LENGTH(a.roles) - LENGTH(REPLACE(a.roles, ',', '')) + 1),
    (SELECT COUNT(*) FROM decision d WHERE d.room_id = r.id AND d.decided_at IS NOT NULL AND d.status <> 'REJECTED'),
    (SELECT COALESCE(SUM(CAST(ROUND((EXTRACT(EPOCH FROM d.decided_at) - EXTRACT(EPOCH FROM d.proposed_at)) * 1000) AS BIGINT)), 0)
        FROM decision d WHERE d.room_id = r.id AND d.decided_at IS NOT NULL AND d.status <> 'REJECTED'),
    (SELECT COUNT(*) FROM action_item a WHERE a.room_id = r.id AND a.overdue = TRUE AND a.status NOT IN ('DONE', 'CANCELLED')),
    (SELECT COUNT(*) FROM action_item a WHERE a.room_id = r.id AND a.risk_score >= 100 AND a.status = 'DONE' AND a.closed_at IS NOT NULL),
    (SELECT COALESCE(SUM(CAST(ROUND((EXTRACT(EPOCH FROM a.closed_at) - EXTRACT(EPOCH FROM a.created_at)) * 1000) AS BIGINT)), 0)
        FROM action_item a WHERE a.room_id = r.id AND a.risk_score >= 100 AND a.status = 'DONE' AND a.closed_at IS NOT NULL),
    (SELECT COUNT(*) FROM exercise_expectation x WHERE x.room_id = r.id AND x.status = 'MET'),
    (SELECT COUNT(*) FROM exercise_expectation x WHERE x.room_id = r.id),
    (SELECT x.ended_at FROM exercise x WHERE x.room_id = r.id AND x.status = 'ENDED')
FROM room r
WHERE NOT EXISTS (SELECT 1 FROM room_metrics m WHERE m.room_id = r.id);

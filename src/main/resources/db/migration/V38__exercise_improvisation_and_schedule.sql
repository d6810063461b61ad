-- Issue 18, item 3: what the facilitator improvised, per inject, as it now stands (the log's
-- inject.added / inject.edited / inject.dropped / inject.moved events are the source; this is their
-- projection, read by the playback engine with the scenario it changes).
CREATE TABLE exercise_inject_change (
    room_id   UUID        NOT NULL REFERENCES room (id),
    inject_id VARCHAR(64) NOT NULL,
    -- The event that first changed this inject: added injects play in this order.
    seq       BIGINT      NOT NULL,
    added     BOOLEAN     NOT NULL,
    dropped   BOOLEAN     NOT NULL,
    -- Null: as in the scenario (for an added inject, title, body and to_roles are always set).
    title     VARCHAR(200),
    body      VARCHAR(10000),
    to_roles  VARCHAR(500),
    -- A JSON array of the discussion questions.
    prompts   VARCHAR(30000),
    -- Scenario time the inject is due at; null: its scenario timing (an added one: by hand only).
    at_ms     BIGINT,
    PRIMARY KEY (room_id, inject_id)
);

-- Issue 18, item 9: when the exercise is planned to start (exercise.scheduled); null: not scheduled.
ALTER TABLE exercise ADD COLUMN scheduled_at TIMESTAMP WITH TIME ZONE;

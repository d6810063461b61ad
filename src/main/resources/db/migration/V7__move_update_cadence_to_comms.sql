-- The status update cadence of a room (when the next update is due, when the last one was posted)
-- is comms' own state: it moves from the room row into comms' table.
CREATE TABLE update_cadence (
    room_id        UUID PRIMARY KEY REFERENCES room (id),
    next_due_at    TIMESTAMP WITH TIME ZONE,
    last_update_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO update_cadence (room_id, next_due_at, last_update_at)
SELECT id, next_update_due, last_update_at FROM room;

ALTER TABLE room DROP COLUMN next_update_due;
ALTER TABLE room DROP COLUMN last_update_at;

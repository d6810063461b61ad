-- Hot wash and debrief (issue 18, items 5 and 6).
-- exercise.feedback_status: the participant feedback form, as feedback.opened / feedback.closed left it
-- (null: never opened; OPEN; CLOSED). The submissions themselves stay in the log (feedback.submitted).
ALTER TABLE exercise ADD COLUMN feedback_status VARCHAR(16);

-- A read-only debrief link of an ended exercise. Only the SHA-256 of its random token is kept, so the table
-- cannot be read back into working links; revoked_at is set by debrief.link_revoked.
CREATE TABLE debrief_link (
    id          UUID        PRIMARY KEY,
    room_id     UUID        NOT NULL REFERENCES room (id),
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    created_by  UUID        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX debrief_link_room ON debrief_link (room_id);

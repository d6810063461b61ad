-- Chain version 2 (docs/protocol.md, "Hash chain"): rooms opened from now on hash each event over a salted
-- commitment to its data, so that the data can be erased while the chain still verifies. Rooms opened before
-- stay version 1, hashed as they always were.
ALTER TABLE room ADD COLUMN chain_version INT DEFAULT 1 NOT NULL;

-- A legal hold (room.hold) blocks erasure; the flag is a projection of room.hold_placed / room.hold_released.
ALTER TABLE room ADD COLUMN legal_hold BOOLEAN DEFAULT FALSE NOT NULL;

-- Version-2 events: the salt (null once the content is erased) and the commitment the hash covers.
ALTER TABLE room_event ADD COLUMN content_salt VARCHAR(64);
ALTER TABLE room_event ADD COLUMN content_digest VARCHAR(64);

-- Erasure requests, a projection of erasure.requested, erasure.rejected and event.erased.
CREATE TABLE erasure_request (
    id                UUID          PRIMARY KEY,
    room_id           UUID          NOT NULL REFERENCES room (id),
    seq               BIGINT        NOT NULL,
    kind              VARCHAR(64)   NOT NULL,
    reason            VARCHAR(1000) NOT NULL,
    requested_by      UUID          NOT NULL,
    requested_by_name VARCHAR(128),
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    decided_by        UUID,
    decided_by_name   VARCHAR(128),
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_reason   VARCHAR(1000)
);
CREATE INDEX erasure_request_room ON erasure_request (room_id, seq);
CREATE INDEX erasure_request_status ON erasure_request (status, requested_at);

-- Webhooks may receive signed checkpoints (the kind "checkpoint"): a delivery is of the event at a room's seq or
-- of the checkpoint signed at that seq, and an endpoint may have both queued, so whether it is a checkpoint joins
-- the key. A primary key has no portable name to drop (PostgreSQL and H2 name it differently), so the table is
-- built again with the wider key, its rows copied (all of them events), and its indexes made again.

CREATE TABLE webhook_delivery_v57 (
    webhook_id      UUID        NOT NULL REFERENCES webhook (id),
    room_id         UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    checkpoint      BOOLEAN     DEFAULT FALSE NOT NULL,
    kind            VARCHAR(64) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_key PRIMARY KEY (webhook_id, room_id, seq, checkpoint)
);

INSERT INTO webhook_delivery_v57 (webhook_id, room_id, seq, checkpoint, kind, status, attempts, next_attempt_at, last_status,
                                  last_error, created_at, delivered_at)
SELECT webhook_id, room_id, seq, FALSE, kind, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at
FROM webhook_delivery;

DROP TABLE webhook_delivery;
ALTER TABLE webhook_delivery_v57 RENAME TO webhook_delivery;

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_queue ON webhook_delivery (webhook_id, status, created_at);

-- Alert intake (integrations and deduplicated alerts) and outbound webhooks with a delivery log.

CREATE TABLE integration (
    id               UUID PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    token_hash       VARCHAR(64)  NOT NULL UNIQUE,
    owner_id         UUID         NOT NULL REFERENCES app_user (id),
    default_severity VARCHAR(8)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE
);

CREATE TABLE alert (
    integration_id UUID         NOT NULL REFERENCES integration (id),
    fingerprint    VARCHAR(200) NOT NULL,
    room_id        UUID         NOT NULL REFERENCES room (id),
    status         VARCHAR(16)  NOT NULL,
    first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    received       INTEGER      NOT NULL,
    PRIMARY KEY (integration_id, fingerprint)
);

CREATE TABLE webhook (
    id         UUID PRIMARY KEY,
    room_id    UUID REFERENCES room (id),
    url        VARCHAR(2000) NOT NULL,
    kinds      VARCHAR(2000),
    secret     VARCHAR(128)  NOT NULL,
    slack      BOOLEAN       NOT NULL,
    created_by UUID          NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    active     BOOLEAN       NOT NULL
);

-- One row per (endpoint, event): its key means an event is queued for an endpoint once.
CREATE TABLE webhook_delivery (
    webhook_id      UUID        NOT NULL REFERENCES webhook (id),
    room_id         UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    kind            VARCHAR(64) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (webhook_id, room_id, seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);

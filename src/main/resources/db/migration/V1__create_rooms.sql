-- Accounts, tokens, rooms, members and the append-only room log.
-- Written once for both PostgreSQL and H2 (PostgreSQL mode).

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(128) NOT NULL,
    password_hash VARCHAR(100),
    admin         BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE auth_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_token_user ON auth_token (user_id);

CREATE TABLE room (
    id         UUID PRIMARY KEY,
    kind       VARCHAR(16)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    severity   VARCHAR(8)   NOT NULL,
    phase      VARCHAR(32)  NOT NULL,
    created_by UUID         NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    head_seq   BIGINT       NOT NULL,
    head_hash  VARCHAR(64)  NOT NULL
);

CREATE TABLE room_member (
    room_id      UUID         NOT NULL REFERENCES room (id),
    user_id      UUID         NOT NULL REFERENCES app_user (id),
    display_name VARCHAR(128) NOT NULL,
    roles        VARCHAR(512) NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_member_user ON room_member (user_id);

-- The log. Rows are only ever inserted; (room_id, seq) is gapless per room.
CREATE TABLE room_event (
    room_id     UUID          NOT NULL REFERENCES room (id),
    seq         BIGINT        NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(64)   NOT NULL,
    actor_id    UUID,
    actor_name  VARCHAR(128),
    actor_roles VARCHAR(512),
    command_id  VARCHAR(64),
    data        VARCHAR(1000000) NOT NULL,
    visible_to  VARCHAR(512),
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL,
    PRIMARY KEY (room_id, seq)
);
CREATE INDEX room_event_kind ON room_event (room_id, kind, seq);

-- Idempotency: one row per accepted client command.
CREATE TABLE room_command (
    room_id    UUID        NOT NULL REFERENCES room (id),
    command_id VARCHAR(64) NOT NULL,
    first_seq  BIGINT      NOT NULL,
    last_seq   BIGINT      NOT NULL,
    PRIMARY KEY (room_id, command_id)
);

-- Tabletop exercises: invitations and guests, playback state, delivered injects, expectations.

ALTER TABLE app_user ADD COLUMN guest_room_id UUID;

CREATE TABLE invite (
    id         UUID PRIMARY KEY,
    room_id    UUID        NOT NULL REFERENCES room (id),
    code_hash  VARCHAR(64) NOT NULL UNIQUE,
    role       VARCHAR(32) NOT NULL,
    created_by UUID        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    uses       INTEGER     NOT NULL
);
CREATE INDEX invite_room ON invite (room_id);

-- Playback: scenario time is anchor_scenario_ms plus, while running, (now - anchor_at) x speed.
CREATE TABLE exercise (
    room_id            UUID PRIMARY KEY REFERENCES room (id),
    scenario_id        VARCHAR(64) NOT NULL,
    -- The scenario file as it was when the exercise was created: playback never changes under it.
    scenario_yaml      VARCHAR(1000000) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    speed              DOUBLE PRECISION NOT NULL,
    anchor_scenario_ms BIGINT      NOT NULL,
    anchor_at          TIMESTAMP WITH TIME ZONE,
    started_at         TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE
);

-- One row per delivered inject: the key makes a second delivery impossible.
CREATE TABLE exercise_inject (
    room_id      UUID        NOT NULL REFERENCES room (id),
    inject_id    VARCHAR(64) NOT NULL,
    seq          BIGINT      NOT NULL,
    scenario_ms  BIGINT      NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    manual       BOOLEAN     NOT NULL,
    PRIMARY KEY (room_id, inject_id)
);

CREATE TABLE exercise_expectation (
    room_id             UUID        NOT NULL REFERENCES room (id),
    expectation_id      VARCHAR(64) NOT NULL,
    inject_id           VARCHAR(64) NOT NULL,
    role                VARCHAR(32) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    due_scenario_ms     BIGINT      NOT NULL,
    settled_seq         BIGINT,
    settled_scenario_ms BIGINT,
    PRIMARY KEY (room_id, expectation_id)
);

-- Decisions, actions, statements, status updates, acknowledgements, and the timers that
-- expire and escalate them. All are projections of the room log, written with its events.

CREATE TABLE decision (
    id            UUID PRIMARY KEY,
    room_id       UUID          NOT NULL REFERENCES room (id),
    proposed_seq  BIGINT        NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    context       VARCHAR(10000),
    options       VARCHAR(10000),
    choice        VARCHAR(2000) NOT NULL,
    rationale     VARCHAR(10000) NOT NULL,
    approvers     VARCHAR(512)  NOT NULL,
    proposed_by   UUID          NOT NULL,
    proposed_name VARCHAR(128)  NOT NULL,
    proposed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    supersedes    UUID,
    superseded_by UUID,
    decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX decision_room ON decision (room_id, proposed_seq);

CREATE TABLE decision_vote (
    decision_id  UUID         NOT NULL REFERENCES decision (id),
    user_id      UUID         NOT NULL,
    display_name VARCHAR(128) NOT NULL,
    roles        VARCHAR(512) NOT NULL,
    approve      BOOLEAN      NOT NULL,
    comment      VARCHAR(2000),
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    seq          BIGINT       NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);

CREATE TABLE action_item (
    id              UUID PRIMARY KEY,
    room_id         UUID         NOT NULL REFERENCES room (id),
    created_seq     BIGINT       NOT NULL,
    title           VARCHAR(500) NOT NULL,
    owner_id        UUID,
    owner_name      VARCHAR(128),
    owner_role      VARCHAR(32),
    due_at          TIMESTAMP WITH TIME ZONE,
    decision_id     UUID,
    status          VARCHAR(16)  NOT NULL,
    overdue         BOOLEAN      NOT NULL,
    risk_likelihood INTEGER,
    risk_impact     INTEGER,
    risk_exposure   INTEGER,
    risk_effort     INTEGER,
    risk_score      INTEGER,
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX action_item_room ON action_item (room_id, created_seq);
CREATE INDEX action_item_owner ON action_item (owner_id, status);

CREATE TABLE statement (
    id                UUID PRIMARY KEY,
    room_id           UUID         NOT NULL REFERENCES room (id),
    current_version   INTEGER      NOT NULL,
    published_version INTEGER,
    published_at      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX statement_room ON statement (room_id);

CREATE TABLE statement_version (
    statement_id UUID          NOT NULL REFERENCES statement (id),
    version      INTEGER       NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(20000) NOT NULL,
    channel      VARCHAR(64)   NOT NULL,
    text_hash    VARCHAR(64)   NOT NULL,
    drafted_by   UUID          NOT NULL,
    drafted_name VARCHAR(128)  NOT NULL,
    drafted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    seq          BIGINT        NOT NULL,
    PRIMARY KEY (statement_id, version)
);

CREATE TABLE statement_approval (
    statement_id UUID         NOT NULL REFERENCES statement (id),
    version      INTEGER      NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    user_id      UUID         NOT NULL,
    display_name VARCHAR(128) NOT NULL,
    text_hash    VARCHAR(64)  NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    seq          BIGINT       NOT NULL,
    PRIMARY KEY (statement_id, version, role)
);

CREATE TABLE status_update (
    seq            BIGINT       NOT NULL,
    room_id        UUID         NOT NULL REFERENCES room (id),
    audience       VARCHAR(16)  NOT NULL,
    data           VARCHAR(100000) NOT NULL,
    posted_by      UUID         NOT NULL,
    posted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, seq)
);

CREATE TABLE ack_request (
    id           UUID PRIMARY KEY,
    room_id      UUID         NOT NULL REFERENCES room (id),
    seq          BIGINT       NOT NULL,
    about_seq    BIGINT       NOT NULL,
    roles        VARCHAR(512) NOT NULL,
    requested_by UUID         NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    overdue      BOOLEAN      NOT NULL
);
CREATE INDEX ack_request_room ON ack_request (room_id, seq);

CREATE TABLE ack_response (
    ack_id       UUID         NOT NULL REFERENCES ack_request (id),
    role         VARCHAR(32)  NOT NULL,
    user_id      UUID         NOT NULL,
    display_name VARCHAR(128) NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    seq          BIGINT       NOT NULL,
    PRIMARY KEY (ack_id, role)
);

-- Pending timers: one row per thing that falls due. A timer is deleted in the transaction that
-- appends what it caused, so it fires once, also after a restart or on several nodes.
CREATE TABLE room_timer (
    room_id UUID        NOT NULL REFERENCES room (id),
    kind    VARCHAR(32) NOT NULL,
    subject VARCHAR(64) NOT NULL,
    due_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, kind, subject)
);
CREATE INDEX room_timer_due ON room_timer (due_at);
-- When the room's next status update is due (null: no cadence, e.g. SEV4).
ALTER TABLE room ADD COLUMN next_update_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE room ADD COLUMN last_update_at TIMESTAMP WITH TIME ZONE;

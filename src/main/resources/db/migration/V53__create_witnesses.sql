-- Witnesses (io.sitroom.evidence, docs/evidence.md "Witnesses"): checkpoints countersigned outside the database.
-- As a witness: witness_origin, the servers whose checkpoints this one countersigns (their pinned public keys, a
-- JWK Set); witnessed_checkpoint, every checkpoint it countersigned, so that a later contradiction (another head
-- for the same room and seq) is refused. As an origin: witness_target, the witnesses this server sends its
-- checkpoints to (their pinned keys, with which each answer is checked before it is kept); and
-- checkpoint_countersignature, the answers, carried by the JSON export.
CREATE TABLE witness_origin (
    id         UUID          PRIMARY KEY,
    name       VARCHAR(100)  NOT NULL UNIQUE,
    keys       VARCHAR(20000) NOT NULL,
    created_by UUID          NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE witnessed_checkpoint (
    origin_id         UUID         NOT NULL REFERENCES witness_origin (id) ON DELETE CASCADE,
    room_id           VARCHAR(36)  NOT NULL,
    seq               BIGINT       NOT NULL,
    head_hash         VARCHAR(64)  NOT NULL,
    checkpoint_at     VARCHAR(40)  NOT NULL,
    kid               VARCHAR(64)  NOT NULL,
    signature         VARCHAR(128) NOT NULL,
    witnessed_at      VARCHAR(40)  NOT NULL,
    witness_name      VARCHAR(100) NOT NULL,
    witness_kid       VARCHAR(64)  NOT NULL,
    witness_signature VARCHAR(128) NOT NULL,
    PRIMARY KEY (origin_id, room_id, seq)
);

CREATE TABLE witness_target (
    id                UUID          PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL UNIQUE,
    url               VARCHAR(2000) NOT NULL,
    keys              VARCHAR(20000) NOT NULL,
    active            BOOLEAN       NOT NULL,
    failures          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(500),
    created_by        UUID          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE checkpoint_countersignature (
    room_id      UUID         NOT NULL,
    seq          BIGINT       NOT NULL,
    target_id    UUID         NOT NULL REFERENCES witness_target (id),
    witness      VARCHAR(100) NOT NULL,
    witnessed_at VARCHAR(40)  NOT NULL,
    kid          VARCHAR(64)  NOT NULL,
    signature    VARCHAR(128) NOT NULL,
    PRIMARY KEY (room_id, seq, target_id),
    FOREIGN KEY (room_id, seq) REFERENCES room_checkpoint (room_id, seq)
);

-- Signed checkpoints (io.sitroom.evidence, docs/evidence.md). signing_key: the keys every node shares, newest
-- generation signs; the private half is sealed with the nodes' secret (SITROOM_EVIDENCE_KEY) and bound to the
-- row's kid and public key. room_checkpoint: one signed head per room and seq.
CREATE TABLE signing_key (
    generation         INTEGER      PRIMARY KEY,
    kid                VARCHAR(64)  NOT NULL UNIQUE,
    public_key         VARCHAR(64)  NOT NULL,
    sealed_private_key VARCHAR(512) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE room_checkpoint (
    room_id        UUID         NOT NULL REFERENCES room (id),
    seq            BIGINT       NOT NULL,
    head_hash      VARCHAR(64)  NOT NULL,
    signed_at      VARCHAR(40)  NOT NULL,
    signed_instant TIMESTAMP WITH TIME ZONE NOT NULL,
    kid            VARCHAR(64)  NOT NULL,
    signature      VARCHAR(128) NOT NULL,
    PRIMARY KEY (room_id, seq)
);

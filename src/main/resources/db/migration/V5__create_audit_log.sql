-- Administrative actions (accounts, invitations, exports, webhooks, integrations), kept apart from room logs.
CREATE TABLE audit_log (
    id         UUID PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id   UUID,
    actor_name VARCHAR(128),
    action     VARCHAR(64)  NOT NULL,
    target     VARCHAR(200),
    detail     VARCHAR(2000)
);
CREATE INDEX audit_log_at ON audit_log (at);

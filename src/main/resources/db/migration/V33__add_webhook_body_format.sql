-- Webhook bodies in a chosen format (JSON, Slack, Microsoft Teams) instead of a Slack flag, and an index
-- for the head of each endpoint's queue (its oldest delivery not yet delivered).

ALTER TABLE webhook ADD COLUMN body_format VARCHAR(16) DEFAULT 'JSON' NOT NULL;
UPDATE webhook SET body_format = 'SLACK' WHERE slack = TRUE;
ALTER TABLE webhook DROP COLUMN slack;

CREATE INDEX webhook_delivery_queue ON webhook_delivery (webhook_id, status, created_at);

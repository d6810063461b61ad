-- Alert intake keeps, per room, every alert it holds with its state (io.sitroom.alert.RoomAlert: written by
-- the alert feature's projection when an alert event is appended, and by the intake itself when a resend
-- changes nothing and only its counter and last-seen time move), and the room each alert group goes to
-- (io.sitroom.alert.AlertGroup: an Alertmanager groupKey, or one alert's fingerprint).
CREATE TABLE room_alert (
    room_id        UUID          NOT NULL REFERENCES room (id),
    integration_id UUID          NOT NULL REFERENCES integration (id),
    fingerprint    VARCHAR(200)  NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    severity       VARCHAR(8)    NOT NULL,
    severity_label VARCHAR(2000),
    labels         VARCHAR(1000000) NOT NULL,
    starts_at      VARCHAR(64),
    ends_at        VARCHAR(64),
    content_hash   VARCHAR(64)   NOT NULL,
    first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    received       INTEGER       NOT NULL,
    first_seq      BIGINT        NOT NULL,
    last_seq       BIGINT        NOT NULL,
    PRIMARY KEY (room_id, integration_id, fingerprint)
);
CREATE INDEX room_alert_fingerprint ON room_alert (integration_id, fingerprint);

CREATE TABLE alert_group (
    integration_id UUID         NOT NULL REFERENCES integration (id),
    group_key      VARCHAR(300) NOT NULL,
    room_id        UUID         NOT NULL REFERENCES room (id),
    PRIMARY KEY (integration_id, group_key)
);

-- The alerts recorded before: one row per fingerprint, in the room it last went to. What they held is only in
-- the log, so they keep the room's title and severity, no labels, seq 0, and an empty content hash: the next
-- delivery of each counts as a change and appends one event with its content. A notification whose group has
-- no row yet goes to the open room that already holds one of its alerts, so these rooms keep their alerts.
INSERT INTO room_alert (room_id, integration_id, fingerprint, title, status, severity, severity_label, labels, starts_at, ends_at,
        content_hash, first_seen, last_seen, received, first_seq, last_seq)
SELECT a.room_id, a.integration_id, a.fingerprint, r.title, a.status, r.severity, NULL, '{}', NULL, NULL, '', a.first_seen,
    a.last_seen, a.received, 0, 0
FROM alert a JOIN room r ON r.id = a.room_id;

DROP TABLE alert;

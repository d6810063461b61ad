-- The public status page (issue 17, item 1). status_page_incident: a room in the page's terms (public or not,
-- its incident status and impact), for rooms made public or that published a statement. status_page_update: each
-- published statement as it went out (the published version's text and hash, never a later draft).
-- status_page_component: the services the page lists, deployment-wide, changed by the admin's commands (audited
-- in audit_log, not in a room log). status_page_version: moved in every transaction that changes what the
-- page shows, so each node knows when its cached answers are stale.
CREATE TABLE status_page_incident (
    room_id           UUID        PRIMARY KEY REFERENCES room (id),
    is_public         BOOLEAN     NOT NULL,
    status            VARCHAR(16) NOT NULL,
    impact            VARCHAR(16) NOT NULL,
    status_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    monitoring_at     TIMESTAMP WITH TIME ZONE,
    resolved_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX status_page_incident_public ON status_page_incident (is_public);

CREATE TABLE status_page_update (
    room_id      UUID          NOT NULL REFERENCES room (id),
    seq          BIGINT        NOT NULL,
    statement_id UUID          NOT NULL,
    version      INTEGER       NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(20000) NOT NULL,
    text_hash    VARCHAR(64)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, seq)
);

CREATE TABLE status_page_component (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(1000),
    status      VARCHAR(32)   NOT NULL,
    position    INTEGER       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX status_page_component_name ON status_page_component (name);

CREATE TABLE status_page_version (
    id         INTEGER PRIMARY KEY,
    version    BIGINT  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO status_page_version (id, version, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);

-- Follow-up sync with issue trackers (issue 17, item 4). tracker: an integration the admin configures (GitHub or
-- Jira), its credentials and webhook secret sealed with AES-GCM under sitroom.trackers.key (never stored in clear).
-- tracker_link: an action's link to a remote issue, projected from the room log in the transaction that appends
-- action.link_requested; the link worker creates the issue from it (attempts, next_attempt_at), keeps the created
-- issue's key before it appends action.linked (so a retry never creates a second issue), and finds the link again
-- when the tracker's webhook reports a state.
CREATE TABLE tracker (
    id                       UUID          PRIMARY KEY,
    name                     VARCHAR(100)  NOT NULL,
    kind                     VARCHAR(16)   NOT NULL,
    base_url                 VARCHAR(500)  NOT NULL,
    target                   VARCHAR(200)  NOT NULL,
    issue_type               VARCHAR(100),
    auth                     VARCHAR(16)   NOT NULL,
    credentials_sealed       VARCHAR(4000) NOT NULL,
    webhook_secret_sealed    VARCHAR(1000) NOT NULL,
    create_for_post_incident BOOLEAN       NOT NULL,
    close_completes          BOOLEAN       NOT NULL,
    created_by               UUID          NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at               TIMESTAMP WITH TIME ZONE
);

CREATE TABLE tracker_link (
    action_id       UUID          NOT NULL,
    tracker_id      UUID          NOT NULL REFERENCES tracker (id),
    room_id         UUID          NOT NULL REFERENCES room (id),
    requested_seq   BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    remote_id       VARCHAR(100),
    remote_key      VARCHAR(100),
    remote_url      VARCHAR(1000),
    remote_state    VARCHAR(64),
    last_error      VARCHAR(500),
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (action_id, tracker_id)
);
CREATE INDEX tracker_link_due ON tracker_link (status, next_attempt_at);
CREATE INDEX tracker_link_remote ON tracker_link (tracker_id, remote_key);
CREATE INDEX tracker_link_room ON tracker_link (room_id);

-- Incident types (playbooks) applied to rooms: the type, its checklist items, its custom fields.
-- Projections of playbook.applied, checklist.* and field.set, written in the unit of work.

CREATE TABLE room_playbook (
    room_id     UUID         PRIMARY KEY REFERENCES room (id),
    type_id     VARCHAR(64)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    version     INTEGER      NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    -- the type's roles to fill, as their wire names joined by ','
    roles       VARCHAR(200) NOT NULL,
    -- the type's status-update cadence in minutes per severity; null: the deployment's
    cadence_sev1 BIGINT,
    cadence_sev2 BIGINT,
    cadence_sev3 BIGINT,
    cadence_sev4 BIGINT,
    applied_seq BIGINT       NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX room_playbook_type ON room_playbook (type_id);

CREATE TABLE checklist_item (
    room_id        UUID          NOT NULL REFERENCES room (id),
    item_id        VARCHAR(64)   NOT NULL,
    position       INTEGER       NOT NULL,
    phase          VARCHAR(16)   NOT NULL,
    text           VARCHAR(500)  NOT NULL,
    owner_role     VARCHAR(32),
    due_at         TIMESTAMP WITH TIME ZONE,
    needs_decision BOOLEAN       NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    assignee_id    UUID,
    assignee_name  VARCHAR(128),
    overdue        BOOLEAN       NOT NULL,
    late           BOOLEAN       NOT NULL,
    note           VARCHAR(2000),
    skip_reason    VARCHAR(2000),
    done_at        TIMESTAMP WITH TIME ZONE,
    done_by        UUID,
    done_by_name   VARCHAR(128),
    applied_seq    BIGINT        NOT NULL,
    updated_seq    BIGINT        NOT NULL,
    PRIMARY KEY (room_id, item_id)
);

CREATE TABLE room_field (
    room_id    UUID          NOT NULL REFERENCES room (id),
    field_id   VARCHAR(64)   NOT NULL,
    position   INTEGER       NOT NULL,
    label      VARCHAR(100)  NOT NULL,
    type       VARCHAR(16)   NOT NULL,
    -- the options of a select field, one a line
    options    VARCHAR(12000),
    required   BOOLEAN       NOT NULL,
    -- the values as text, one a line; null: not set
    field_values VARCHAR(100000),
    display    VARCHAR(100000),
    set_seq    BIGINT,
    set_at     TIMESTAMP WITH TIME ZONE,
    set_by     UUID,
    PRIMARY KEY (room_id, field_id)
);
CREATE INDEX room_field_value ON room_field (field_id, room_id);

-- Search across rooms: the searchable text of each event (titles, notes, decisions, updates, statements,
-- actions, injects, checklist items, fields), with what decides who may find it (visible_to, actor_id).
-- Written in the unit of work by the search feature's projection.
CREATE TABLE search_entry (
    room_id    UUID          NOT NULL REFERENCES room (id),
    seq        BIGINT        NOT NULL,
    kind       VARCHAR(64)   NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id   UUID,
    visible_to VARCHAR(512),
    body       VARCHAR(100000) NOT NULL,
    PRIMARY KEY (room_id, seq)
);
-- PostgreSQL: a GIN index over the entries' full-text vector (the search's language configuration,
-- sitroom.search.language); H2: an index by room. Set per database kind by Flyway placeholders
-- (application.properties), so that this one migration runs on both.
${search_index}

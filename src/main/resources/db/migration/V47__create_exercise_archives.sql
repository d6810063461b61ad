-- Exercise bundles imported from another server (issue 18, item 8): each is kept whole (zip, byte for byte
-- as uploaded, after its scenario text, manifest and hash chain were verified) with the manifest's facts
-- for listing. scenario_version is the version the scenario text has on this server (an upload, or the
-- file with the very same text); source_scenario_version its number on the exporting server.
CREATE TABLE exercise_archive (
    id                      UUID         PRIMARY KEY,
    source_room_id          UUID         NOT NULL,
    title                   VARCHAR(200) NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    scenario_id             VARCHAR(64)  NOT NULL,
    scenario_version        INTEGER      NOT NULL,
    source_scenario_version INTEGER      NOT NULL,
    head_seq                BIGINT       NOT NULL,
    head_hash               VARCHAR(64)  NOT NULL,
    source                  VARCHAR(500),
    exported_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by             UUID         NOT NULL,
    imported_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    zip                     BYTEA        NOT NULL
);
CREATE INDEX exercise_archive_imported_by ON exercise_archive (imported_by);

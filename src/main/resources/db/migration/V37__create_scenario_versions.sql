-- Scenarios uploaded by facilitators (issue 18): each upload of an id is its next version (1, 2, ...),
-- never changed afterwards. The newest version is the one new exercises play; the scenarios shipped in
-- the jar and read from folders count as version 0.
CREATE TABLE scenario_version (
    scenario_id VARCHAR(64)      NOT NULL,
    version     INTEGER          NOT NULL,
    title       VARCHAR(200)     NOT NULL,
    yaml        VARCHAR(1000000) NOT NULL,
    uploaded_by UUID             NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scenario_id, version)
);

-- The version an exercise copied when it was created (its scenario_yaml is that version's text).
ALTER TABLE exercise ADD COLUMN scenario_version INTEGER;

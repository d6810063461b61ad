-- Severities and phases are the deployment's (sitroom.taxonomy.file), no longer a fixed list: columns
-- hold their ids as the protocol writes them, and are wide enough for any id.

-- Phases were stored by their Java constant (DETECTION, POST_INCIDENT); their ids are lower case.
UPDATE room SET phase = LOWER(phase);

ALTER TABLE room ALTER COLUMN severity SET DATA TYPE VARCHAR(32);
ALTER TABLE integration ALTER COLUMN default_severity SET DATA TYPE VARCHAR(32);
ALTER TABLE room_alert ALTER COLUMN severity SET DATA TYPE VARCHAR(32);
ALTER TABLE checklist_item ALTER COLUMN phase SET DATA TYPE VARCHAR(32);

-- An incident type's status-update cadence, one row per severity it sets (was four columns, SEV1 to SEV4).
CREATE TABLE room_playbook_cadence (
    room_id  UUID        NOT NULL REFERENCES room (id),
    severity VARCHAR(32) NOT NULL,
    minutes  BIGINT      NOT NULL,
    PRIMARY KEY (room_id, severity)
);
INSERT INTO room_playbook_cadence (room_id, severity, minutes)
    SELECT room_id, 'SEV1', cadence_sev1 FROM room_playbook WHERE cadence_sev1 IS NOT NULL;
INSERT INTO room_playbook_cadence (room_id, severity, minutes)
    SELECT room_id, 'SEV2', cadence_sev2 FROM room_playbook WHERE cadence_sev2 IS NOT NULL;
INSERT INTO room_playbook_cadence (room_id, severity, minutes)
    SELECT room_id, 'SEV3', cadence_sev3 FROM room_playbook WHERE cadence_sev3 IS NOT NULL;
INSERT INTO room_playbook_cadence (room_id, severity, minutes)
    SELECT room_id, 'SEV4', cadence_sev4 FROM room_playbook WHERE cadence_sev4 IS NOT NULL;
ALTER TABLE room_playbook DROP COLUMN cadence_sev1;
ALTER TABLE room_playbook DROP COLUMN cadence_sev2;
ALTER TABLE room_playbook DROP COLUMN cadence_sev3;
ALTER TABLE room_playbook DROP COLUMN cadence_sev4;

-- When the facilitator released the after-action report (report.released): from then on every
-- member of the exercise reads its score and the report. Null until released.
ALTER TABLE exercise ADD COLUMN report_released_at TIMESTAMP WITH TIME ZONE;

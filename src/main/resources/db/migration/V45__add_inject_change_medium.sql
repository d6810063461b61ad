-- Issue 18, item 4: an improvised inject's medium (a news article, an e-mail, ...), as the JSON its
-- inject.added / inject.edited event carries; null: as in the scenario (an added inject: a plain message).
ALTER TABLE exercise_inject_change ADD COLUMN medium VARCHAR(8000);

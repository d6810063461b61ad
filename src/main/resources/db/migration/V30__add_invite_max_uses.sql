-- An invitation may be limited to a number of uses (null: as many as join before it expires or is revoked).
ALTER TABLE invite ADD COLUMN max_uses INTEGER;

-- Trust boundaries, round two (issue 15): accounts the admin disabled.
-- A disabled account cannot sign in, and its tokens were revoked when it was disabled.
ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- Trust boundaries, round two (issue 15). Accounts the admin disabled.
-- A disabled account cannot sign in, and its tokens were revoked when it was disabled.
ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- One-use tickets (30 s) for opening a WebSocket without the long-lived token in the URL; kept only as
-- hashes, shared by every node (the upgrade may reach another node than the one that issued it).
CREATE TABLE ws_ticket (
    ticket_hash VARCHAR(64) PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ws_ticket_expires ON ws_ticket (expires_at);

-- Whether an account may sign in with its password. Off for accounts without one (made on a first company
-- sign-in, or by the admin for company sign-in), and for accounts whose password login the admin turned off.
ALTER TABLE app_user ADD COLUMN password_login BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE app_user SET password_login = FALSE WHERE password_hash IS NULL;

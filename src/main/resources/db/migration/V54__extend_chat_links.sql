-- Chat (docs/chat.md): a chat account its owner unlinked stays known as unlinked (unlinked_at), so linking by
-- e-mail does not link it again by itself: only a new one-time code does. A Teams channel that follows a room may
-- have a Power Automate workflow URL the mirror posts to; the URL is a secret, sealed with AES-GCM under
-- sitroom.chat.key (never stored in clear).
ALTER TABLE chat_account_link ADD COLUMN unlinked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE chat_channel ADD COLUMN workflow_sealed VARCHAR(4000);

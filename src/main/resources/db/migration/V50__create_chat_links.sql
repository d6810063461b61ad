-- Chat (Slack, Mattermost, Microsoft Teams): who a chat user is in Sitroom, the one-time codes that link them,
-- and which chat channel mirrors which room.

-- A chat user (platform + workspace/team + their id there) acting as a Sitroom account.
CREATE TABLE chat_account_link (
    platform         VARCHAR(16)  NOT NULL,
    team_id          VARCHAR(64)  NOT NULL,
    platform_user_id VARCHAR(128) NOT NULL,
    user_id          UUID         NOT NULL REFERENCES app_user (id),
    linked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, team_id, platform_user_id)
);
CREATE INDEX chat_account_link_user ON chat_account_link (user_id);

-- One-time link codes, made by a signed-in user and redeemed by `/sitroom link <code>`: stored as their SHA-256 only.
CREATE TABLE chat_link_code (
    code_hash  VARCHAR(64) PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

-- A room's chat channel: channel_id is null while the channel is being created; mirrored_seq is the last seq
-- the mirror has posted (or passed over: events not for everyone are never posted). declare_id is the command id
-- of the chat request that declared the room, so a retried declaration opens nothing new.
CREATE TABLE chat_channel (
    id           UUID PRIMARY KEY,
    room_id      UUID         NOT NULL REFERENCES room (id),
    platform     VARCHAR(16)  NOT NULL,
    team_id      VARCHAR(64)  NOT NULL,
    channel_id   VARCHAR(128),
    channel_name VARCHAR(128),
    invite_user  VARCHAR(128),
    declare_id   VARCHAR(64),
    mirrored_seq BIGINT       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_channel_declare UNIQUE (declare_id),
    CONSTRAINT chat_channel_channel UNIQUE (platform, team_id, channel_id)
);
CREATE INDEX chat_channel_room ON chat_channel (room_id);

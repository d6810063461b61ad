package io.sitroom.chat;

import io.sitroom.crypto.Sha256;

/**
 * One verified request from a chat platform: where it came from and who sent it. {@code triggerId} is the
 * platform's id for this very request (Slack's trigger id or event id, Mattermost's trigger id, Teams' activity
 * id): a retry carries the same one, so it becomes the command's id and the room appends once.
 */
public record ChatRequest(ChatPlatform platform, String teamId, String channelId, String channelName, String userId, String userName,
        String triggerId) {

    public ChatRequest {
        teamId = teamId == null ? "" : teamId;
    }

    /**
     * The room command id for this request: {@code <platform>:} and 40 hex digits of the SHA-256 of team and trigger,
     * so it fits a command id (at most 64 of {@code A-Za-z0-9._:-}) whatever the platform's ids look like.
     */
    public String commandId() {
        return commandId(platform, teamId, triggerId);
    }

    public static String commandId(ChatPlatform platform, String teamId, String triggerId) {
        String key = (teamId == null ? "" : teamId) + ":" + (triggerId == null ? "" : triggerId);
        return platform.wire() + ":" + Sha256.hex(key).substring(0, 40);
    }
}

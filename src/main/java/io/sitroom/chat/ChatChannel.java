package io.sitroom.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A room's channel on a chat platform: where its commands are typed and where the events everyone in the room
 * may see are mirrored. {@code channelId} is null while Slack is still creating it.
 */
@Entity
@Table(name = "chat_channel")
public class ChatChannel extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false, length = 16)
    public String platform;

    @Column(name = "team_id", nullable = false, length = 64)
    public String teamId;

    @Column(name = "channel_id", length = 128)
    public String channelId;

    @Column(name = "channel_name", length = 128)
    public String channelName;

    /** The chat user to invite into a channel being created (who declared the incident). */
    @Column(name = "invite_user", length = 128)
    public String inviteUser;

    @Column(name = "declare_id", length = 64)
    public String declareId;

    @Column(name = "mirrored_seq", nullable = false)
    public long mirroredSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Teams: the workflow URL the mirror posts to, sealed ({@link ChatSecrets}); null: Teams gets answers only. */
    @Column(name = "workflow_sealed", length = 4000)
    public String workflowSealed;

    public static ChatChannel find(ChatPlatform platform, String teamId, String channelId) {
        return find("platform = ?1 and teamId = ?2 and channelId = ?3", platform.wire(), teamId, channelId).firstResult();
    }

    public static ChatChannel declaredBy(String commandId) {
        return find("declareId", commandId).firstResult();
    }

    /** Channels whose mirror may be behind (a channel still being created waits). */
    static List<ChatChannel> mirrored() {
        return list("channelId is not null");
    }

    ChatPlatform chatPlatform() {
        return ChatPlatform.valueOf(platform.toUpperCase(java.util.Locale.ROOT));
    }
}

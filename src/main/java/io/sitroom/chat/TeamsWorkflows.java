package io.sitroom.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.audit.AuditLog;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Member;
import io.sitroom.room.Room;
import io.sitroom.room.RoomService;
import io.sitroom.security.Caller;
import io.sitroom.webhook.WebhookTargets;

/**
 * The chat channels that follow a room, and a Teams channel's workflow URL: a Power Automate "when a Teams webhook
 * request is received" flow that posts to the channel, through which the mirror reaches Teams (an outgoing webhook can
 * only reply). The URL lets anyone who holds it post to the channel, so it is never taken from a chat message: the
 * room's incident commander or an admin sets it here, it is kept sealed ({@link ChatSecrets}), shown to no one, and
 * named in the audit log by its host only. Only {@code https} URLs to hosts outbound webhooks may reach
 * ({@link WebhookTargets}).
 */
@ApplicationScoped
public class TeamsWorkflows {

    static final int MAX_URL = 2000;

    private final ChatConfig config;
    private final ChatSecrets secrets;
    private final RoomService rooms;
    private final WebhookTargets targets;
    private final AuditLog audit;

    public TeamsWorkflows(ChatConfig config, ChatSecrets secrets, RoomService rooms, WebhookTargets targets, AuditLog audit) {
        this.config = config;
        this.secrets = secrets;
        this.rooms = rooms;
        this.targets = targets;
        this.audit = audit;
    }

    /** A channel following a room; {@code workflow}: whether the mirror posts to it through a Teams workflow. */
    public record ChannelView(UUID id, UUID roomId, String platform, String teamId, String channelId, String channelName, boolean workflow,
            long mirroredSeq) {
    }

    /** The channels following a room, for its incident commander or an admin. */
    @Transactional
    public List<ChannelView> channels(Caller caller, UUID roomId) {
        requireLeadOrAdmin(caller, roomId);
        return ChatChannel.<ChatChannel> list("roomId = ?1 order by createdAt", roomId).stream().map(TeamsWorkflows::view).toList();
    }

    /**
     * Sets (or replaces) a Teams channel's workflow URL. A channel given its first one is mirrored from the room's
     * current head on (its history stays in the room); a replaced URL keeps the channel's place.
     */
    @Transactional
    public ChannelView set(Caller caller, UUID channelId, String url) {
        ChatChannel channel = teamsChannel(caller, channelId);
        URI uri = workflowUri(url);
        if (!secrets.configured()) {
            throw SitroomException.conflict("this server has no chat key (sitroom.chat.key, SITROOM_CHAT_KEY) to keep a workflow URL with");
        }
        boolean first = channel.workflowSealed == null;
        channel.workflowSealed = secrets.sealWorkflow(channel.id, uri.toString());
        if (first) {
            Room room = Room.findById(channel.roomId);
            channel.mirroredSeq = Math.max(channel.mirroredSeq, room.headSeq);
        }
        audit.record(caller.userId(), caller.displayName(), "chat.teams_workflow_set", "room " + channel.roomId,
                "Teams channel " + channel.channelId + ", workflow on " + uri.getHost());
        return view(channel);
    }

    /** Stops the mirror to a Teams channel: its workflow URL is forgotten. */
    @Transactional
    public void remove(Caller caller, UUID channelId) {
        ChatChannel channel = teamsChannel(caller, channelId);
        if (channel.workflowSealed == null) {
            throw SitroomException.notFound("this channel has no workflow URL");
        }
        channel.workflowSealed = null;
        audit.record(caller.userId(), caller.displayName(), "chat.teams_workflow_remove", "room " + channel.roomId,
                "Teams channel " + channel.channelId);
    }

    private ChatChannel teamsChannel(Caller caller, UUID channelId) {
        ChatChannel channel = ChatChannel.findById(channelId);
        if (channel == null) {
            throw SitroomException.notFound("no chat channel " + channelId);
        }
        requireLeadOrAdmin(caller, channel.roomId);
        if (channel.chatPlatform() != ChatPlatform.TEAMS) {
            throw SitroomException.invalid("only a Microsoft Teams channel takes a workflow URL");
        }
        return channel;
    }

    /** The room's lead or an admin; anyone else learns nothing of the room (404) or, as a member, may not (403). */
    private void requireLeadOrAdmin(Caller caller, UUID roomId) {
        if (caller.admin()) {
            if (Room.findById(roomId) == null) {
                throw SitroomException.notFound("no room " + roomId);
            }
            return;
        }
        Member me = rooms.requireMember(roomId, caller.userId());
        Room room = Room.findById(roomId);
        if (!me.holds(room.kind.leadRole())) {
            throw SitroomException.forbidden("only the room's " + room.kind.leadRole().wire() + " or an admin manages its chat channels");
        }
    }

    /** An {@code https} URL (or, with {@code sitroom.chat.teams.allow-loopback-http}, {@code http} to a loopback address) outbound webhooks may reach. */
    URI workflowUri(String url) {
        if (url == null || url.isBlank()) {
            throw SitroomException.invalid("url is required: the workflow's HTTP POST URL");
        }
        if (url.length() > MAX_URL) {
            throw SitroomException.invalid("url must have at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw SitroomException.invalid("url is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null
                || !(scheme.equals("https") || scheme.equals("http") && config.teams().allowLoopbackHttp() && loopback(uri.getHost()))) {
            throw SitroomException.invalid("url must be an https URL (the workflow's HTTP POST URL)");
        }
        Optional<String> refused = targets.refusal(uri);
        if (refused.isPresent()) {
            throw SitroomException.invalid("url is refused: " + refused.get());
        }
        return uri;
    }

    private static boolean loopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    private static ChannelView view(ChatChannel c) {
        return new ChannelView(c.id, c.roomId, c.platform, c.teamId, c.channelId, c.channelName, c.workflowSealed != null, c.mirroredSeq);
    }
}

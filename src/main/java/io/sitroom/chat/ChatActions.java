package io.sitroom.chat;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.error.SitroomException;
import io.sitroom.room.CommandEnvelope;
import io.sitroom.room.CommandHandler;
import io.sitroom.room.CommandResult;
import io.sitroom.room.Member;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomSnapshot;
import io.sitroom.room.Taxonomy;

/**
 * Runs a chat user's action: as the Sitroom account they are linked to, in the room their channel mirrors, through
 * the room's one command path ({@link CommandHandler}), so authority, approvals, visibility and idempotency are the
 * same as from the web. The platform's id for the request is the command id. Every outcome is a reply; nothing here
 * throws at the platform.
 */
@ApplicationScoped
public class ChatActions {

    private static final Logger LOG = Logger.getLogger(ChatActions.class);

    private final ChatAccounts accounts;
    private final ChatDirectory directory;
    private final CommandHandler commands;
    private final RoomService rooms;
    private final Taxonomy taxonomy;
    private final ChatConfig config;
    private final java.time.Clock clock;

    public ChatActions(ChatAccounts accounts, ChatDirectory directory, CommandHandler commands, RoomService rooms, Taxonomy taxonomy,
            ChatConfig config, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.directory = directory;
        this.commands = commands;
        this.rooms = rooms;
        this.taxonomy = taxonomy;
        this.config = config;
    }

    /** How to link, for a chat user Sitroom does not know. */
    static String linkInstructions(ChatPlatform platform) {
        String command = platform == ChatPlatform.TEAMS ? "@Sitroom link <code>" : "/sitroom link <code>";
        return "Your " + platform.title() + " account is not linked to Sitroom yet. Signed in to Sitroom, make a one-time link code"
                + " (Settings, Chat accounts; or POST /api/chat/link-codes, see docs/chat.md), then type: " + command;
    }

    /** Reads the text of a slash command and runs it; a text it cannot read is answered with the usage. */
    public ChatReply run(ChatRequest request, String text) {
        ChatAction action;
        try {
            action = ChatText.parse(text);
        } catch (SitroomException e) {
            return ChatReply.refused(e.getMessage());
        }
        return run(request, action);
    }

    public ChatReply run(ChatRequest request, ChatAction action) {
        try {
            return dispatch(request, action);
        } catch (SitroomException e) {
            return ChatReply.refused("Refused: " + e.getMessage());
        }
    }

    private ChatReply dispatch(ChatRequest request, ChatAction action) {
        if (action instanceof ChatAction.Help) {
            return ChatReply.ok(ChatText.USAGE, null);
        }
        if (action instanceof ChatAction.Link link) {
            String name = accounts.redeem(request.platform(), request.teamId(), request.userId(), link.code());
            return ChatReply.ok("Linked: in " + request.platform().title() + " you now act as " + name + " in Sitroom.", null);
        }
        ChatAccounts.Account account = accounts.accountOf(request.platform(), request.teamId(), request.userId());
        if (account != null) {
            return dispatch(request, account, action);
        }
        account = linkedByEmail(request);
        if (account == null) {
            return ChatReply.refused(linkInstructions(request.platform()));
        }
        String linked = "Linked by your verified e-mail address: in " + request.platform().title() + " you act as " + account.displayName()
                + " in Sitroom. ";
        ChatReply reply;
        try {
            reply = dispatch(request, account, action);
        } catch (SitroomException e) {
            reply = ChatReply.refused("Refused: " + e.getMessage());
        }
        return new ChatReply(reply.ok(), linked + reply.text(), reply.roomId());
    }

    /** An unlinked user linked by the address their platform vouches for (when that is on), or null. */
    private ChatAccounts.Account linkedByEmail(ChatRequest request) {
        if (!config.linkByEmail()) {
            return null;
        }
        return directory.verifiedEmail(request).map(email -> {
            try {
                return accounts.linkByEmail(request.platform(), request.teamId(), request.userId(), email);
            } catch (SitroomException e) {
                throw e;
            } catch (RuntimeException e) {
                // Two first requests of one chat user racing: the other one's link stands.
                return accounts.accountOf(request.platform(), request.teamId(), request.userId());
            }
        }).orElse(null);
    }

    private ChatReply dispatch(ChatRequest request, ChatAccounts.Account account, ChatAction action) {
        if (action instanceof ChatAction.Declare declare) {
            return declare(request, account, declare);
        }
        if (action instanceof ChatAction.Connect connect) {
            return connect(request, account, connect.roomId());
        }
        UUID roomId = roomOf(request);
        if (roomId == null) {
            return ChatReply.refused("This channel is not an incident's channel: run this in the incident's channel, or declare one"
                    + " with /sitroom declare sev2 <title>.");
        }
        if (action instanceof ChatAction.Status) {
            return status(roomId, account);
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        String name;
        if (action instanceof ChatAction.Note note) {
            name = "note.add";
            data.put("text", note.text());
        } else if (action instanceof ChatAction.Update update) {
            name = "update.post";
            data.put("audience", "all").put("summary", update.summary());
        } else if (action instanceof ChatAction.Decide decide) {
            name = "decision.propose";
            data.put("title", decide.choice().length() > 200 ? decide.choice().substring(0, 197) + "..." : decide.choice());
            data.put("choice", decide.choice()).put("rationale", decide.rationale());
            decide.approvers().forEach(data.putArray("approvers")::add);
        } else if (action instanceof ChatAction.Approve approve) {
            name = "decision.approve";
            data.put("decisionId", approve.decisionId().toString());
        } else if (action instanceof ChatAction.Reject reject) {
            name = "decision.reject";
            data.put("decisionId", reject.decisionId().toString()).put("reason", reject.reason());
        } else if (action instanceof ChatAction.ApproveStatement approve) {
            name = "statement.approve";
            data.put("statementId", approve.statementId().toString());
        } else if (action instanceof ChatAction.Ack ack) {
            name = "ack.give";
            data.put("ackId", ack.ackId().toString());
        } else {
            throw new IllegalStateException("unhandled chat action " + action);
        }
        CommandResult result = commands.handle(roomId, account.userId(), new CommandEnvelope(request.commandId(), name, data));
        if (!result.ok()) {
            return new ChatReply(false, "Refused: " + result.error().message(), roomId);
        }
        return ChatReply.ok("Recorded (" + name + ", #" + result.seq() + ").", roomId);
    }

    @Transactional
    UUID roomOf(ChatRequest request) {
        ChatChannel channel = request.channelId() == null ? null : ChatChannel.find(request.platform(), request.teamId(), request.channelId());
        return channel == null ? null : channel.roomId;
    }

    private ChatReply status(UUID roomId, ChatAccounts.Account account) {
        RoomSnapshot room = rooms.snapshot(roomId, account.userId());
        List<String> mine = room.members().stream().filter(m -> m.userId().equals(account.userId())).findFirst()
                .map(RoomSnapshot.MemberView::roles).orElse(List.of());
        return ChatReply.ok(room.title() + ": " + room.severity().id() + ", " + room.phase().id() + ", " + room.seq() + " events. You: "
                + (mine.isEmpty() ? "no role" : String.join(", ", mine)) + "." + link(roomId), roomId);
    }

    private ChatReply declare(ChatRequest request, ChatAccounts.Account account, ChatAction.Declare declare) {
        String commandId = request.commandId();
        ChatChannel earlier = declared(commandId);
        if (earlier != null) {
            return declared(earlier.roomId, declare.title());
        }
        io.sitroom.room.Severity severity = null;
        if (declare.severity() != null) {
            severity = taxonomy.severity(declare.severity()).orElseThrow(() -> SitroomException.invalid("no severity '" + declare.severity()
                    + "' here: " + String.join(", ", taxonomy.severities().stream().map(l -> l.id().id()).toList())));
        }
        boolean slack = request.platform() == ChatPlatform.SLACK;
        if (!slack && roomOf(request) != null) {
            return ChatReply.refused("This channel already follows an incident: declare a new one from another channel.");
        }
        UUID roomId;
        try {
            roomId = rooms.open(account.userId(), account.displayName(),
                    new RoomService.NewRoom(RoomKind.INCIDENT, declare.title(), severity, null, null), List.of(), id -> {
                        ChatChannel channel = new ChatChannel();
                        channel.id = UUID.randomUUID();
                        channel.roomId = id;
                        channel.platform = request.platform().wire();
                        channel.teamId = request.teamId();
                        // Slack: a channel of its own is created next (ChatChannels); elsewhere the channel it was declared in.
                        channel.channelId = slack ? null : request.channelId();
                        channel.channelName = slack ? null : request.channelName();
                        channel.inviteUser = request.userId();
                        channel.declareId = commandId;
                        channel.mirroredSeq = 0;
                        channel.createdAt = clock.instant();
                        channel.persist();
                    }).roomId();
        } catch (SitroomException e) {
            throw e;
        } catch (RuntimeException e) {
            // A retry that raced the first request: the first one's room stands.
            ChatChannel raced = declared(commandId);
            if (raced != null) {
                return declared(raced.roomId, declare.title());
            }
            LOG.warnf("chat: declaring an incident failed: %s", e.toString());
            throw new SitroomException(io.sitroom.error.ErrorCode.UNAVAILABLE, "the incident could not be declared; try again");
        }
        return declared(roomId, declare.title());
    }

    @Transactional
    ChatChannel declared(String commandId) {
        return ChatChannel.declaredBy(commandId);
    }

    private ChatReply declared(UUID roomId, String title) {
        return ChatReply.ok("Declared \"" + title + "\"; you are its incident commander." + link(roomId), roomId);
    }

    private ChatReply connect(ChatRequest request, ChatAccounts.Account account, UUID roomId) {
        return ChatReply.ok(link(request, account, roomId), roomId);
    }

    @Transactional
    String link(ChatRequest request, ChatAccounts.Account account, UUID roomId) {
        Member me = rooms.requireMember(roomId, account.userId());
        Room room = Room.findById(roomId);
        if (room.kind != RoomKind.INCIDENT) {
            throw SitroomException.invalid("only an incident can follow a chat channel");
        }
        if (!me.roles().contains(room.kind.leadRole())) {
            throw SitroomException.forbidden("only the room's " + room.kind.leadRole().wire() + " may link it to a channel");
        }
        if (request.channelId() == null || ChatChannel.find(request.platform(), request.teamId(), request.channelId()) != null) {
            throw SitroomException.conflict("this channel already follows an incident");
        }
        ChatChannel channel = new ChatChannel();
        channel.id = UUID.randomUUID();
        channel.roomId = roomId;
        channel.platform = request.platform().wire();
        channel.teamId = request.teamId();
        channel.channelId = request.channelId();
        channel.channelName = request.channelName();
        channel.mirroredSeq = room.headSeq; // from now on: the history stays in the room
        channel.createdAt = clock.instant();
        channel.persist();
        return "This channel now follows \"" + room.title + "\"." + link(roomId);
    }

    private String link(UUID roomId) {
        return config.publicUrl().map(url -> " " + url.replaceAll("/+$", "") + "/rooms/" + roomId).orElse("");
    }

}

package io.sitroom.invite;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.audit.AuditLog;
import io.sitroom.crypto.Sha256;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Admission;
import io.sitroom.room.CommandHandler;
import io.sitroom.room.CommandResult;
import io.sitroom.room.HashChain;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomWriter;
import io.sitroom.security.AppUser;
import io.sitroom.security.TokenService;
import io.sitroom.security.UserService;

/**
 * Invitations: a lead makes a code for one role in one room; whoever has the code joins without
 * an account, as a guest who can enter only that room, with only that role.
 */
@ApplicationScoped
public class InviteService {

    /** Unambiguous characters (no 0/O, 1/I/L). 12 of them: 60 bits. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 12;
    public static final int MAX_TTL_MINUTES = 7 * 24 * 60;
    private static final Admission.Source JOIN = new Admission.Source.Server("invitation join");

    private final SecureRandom random = new SecureRandom();
    private final CommandHandler commands;
    private final RoomWriter writer;
    private final TokenService tokens;
    private final Clock clock;

    private final AuditLog audit;

    public InviteService(CommandHandler commands, RoomWriter writer, TokenService tokens, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.commands = commands;
        this.writer = writer;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record Created(String code, String expiresAt, Role role) {
    }

    public record Joined(String token, String expiresAt, UUID roomId, Role role, UserService.UserView user) {
    }

    public Created create(UUID roomId, UUID userId, Role role, Integer ttlMinutes) {
        int ttl = ttlMinutes == null ? 240 : ttlMinutes;
        if (ttl < 1 || ttl > MAX_TTL_MINUTES) {
            throw SitroomException.invalid("ttlMinutes must be from 1 to " + MAX_TTL_MINUTES);
        }
        String code = newCode();
        UUID inviteId = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(ttl));
        CommandResult result = commands.execute(roomId, userId, "invite-" + inviteId, InviteCommand.TYPE,
                new InviteCommand(inviteId, role, expiresAt), () -> {
                    Invite invite = new Invite();
                    invite.id = inviteId;
                    invite.roomId = roomId;
                    invite.codeHash = Sha256.hex(normalize(code));
                    invite.role = role.wire();
                    invite.createdBy = userId;
                    invite.createdAt = clock.instant();
                    invite.expiresAt = expiresAt;
                    invite.persist();
                });
        if (!result.ok()) {
            throw new SitroomException(result.error().code(), result.error().message());
        }
        audit.record(userId, null, "invite.create", "room " + roomId, "invite " + inviteId + ", role " + role + ", expires " + expiresAt);
        return new Created(format(code), HashChain.formatTime(expiresAt), role);
    }

    /**
     * Joins a room with a code: a new guest account confined to it, added as a member with the
     * invitation's role. The account, the use of the code and the membership are one unit of work of
     * the room: all of it happens, or none (a closed room takes no one in).
     */
    public Joined join(String code, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 128) {
            throw SitroomException.invalid("displayName is required, at most 128 characters");
        }
        Invite invite = code == null ? null : findValid(Sha256.hex(normalize(code)));
        if (invite == null) {
            throw new SitroomException(ErrorCode.NOT_FOUND, "this invitation code is unknown, expired or revoked");
        }
        Role role = Role.of(invite.role);
        UUID guestId = UUID.randomUUID();
        Set<Role> roles = EnumSet.of(role);
        writer.run(invite.roomId, room -> {
            room.admit(JOIN);
            createGuest(invite.id, guestId, name); // first: the membership refers to the account
            return room.append(null, null,
                    List.of(NewEvent.forEveryone(new RoomEvent.MemberAdded(guestId, name, roles, Map.of(guestId, roles), invite.id))));
        });
        TokenService.Issued issued = tokens.issue(guestId);
        return new Joined(issued.token(), HashChain.formatTime(issued.expiresAt()), invite.roomId, role,
                new UserService.UserView(guestId, guestUsername(guestId), name));
    }

    @Transactional
    Invite findValid(String codeHash) {
        Invite invite = Invite.find("codeHash", codeHash).firstResult();
        return invite != null && invite.validAt(clock.instant()) ? invite : null;
    }

    /** Inside the room's unit of work: the guest's account, and one more use of the invitation. */
    private void createGuest(UUID inviteId, UUID guestId, String displayName) {
        Invite row = Invite.findById(inviteId);
        row.uses++;
        AppUser guest = new AppUser();
        guest.id = guestId;
        guest.username = guestUsername(guestId);
        guest.displayName = displayName;
        guest.admin = false;
        guest.createdAt = clock.instant();
        guest.guestRoomId = row.roomId;
        guest.persist();
    }

    private static String guestUsername(UUID guestId) {
        return "guest-" + guestId;
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < CODE_LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** Codes are typed by people: case, spaces and dashes do not matter. */
    static String normalize(String code) {
        return code.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    private static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}

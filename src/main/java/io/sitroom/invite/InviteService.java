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
import io.sitroom.limits.RateLimits;
import io.sitroom.role.Role;
import io.sitroom.room.Admission;
import io.sitroom.room.CommandHandler;
import io.sitroom.room.CommandResult;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomService;
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
    private static final String UNKNOWN = "this invitation code is unknown, expired, used up or revoked";

    private final SecureRandom random = new SecureRandom();
    private final CommandHandler commands;
    private final RoomWriter writer;
    private final RoomService rooms;
    private final RateLimits rateLimits;
    private final TokenService tokens;
    private final Clock clock;

    private final AuditLog audit;

    public InviteService(CommandHandler commands, RoomWriter writer, RoomService rooms, RateLimits rateLimits, TokenService tokens,
            Clock clock, AuditLog audit) {
        this.rooms = rooms;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.commands = commands;
        this.writer = writer;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code startsAt}: when the exercise the invitation is for is planned to start (null: not scheduled, or no exercise). */
    public record Created(String code, String expiresAt, Role role, String startsAt) {
    }

    public record Joined(String token, String expiresAt, UUID roomId, Role role, UserService.UserView user, String startsAt) {
    }

    /** An invitation as its room's lead sees it listed: never its code. */
    public record InviteView(UUID inviteId, Role role, String createdAt, String expiresAt, int uses, Integer maxUses, String revokedAt,
            boolean valid) {
    }

    public Created create(UUID roomId, UUID userId, Role role, Integer ttlMinutes, Integer maxUses) {
        int ttl = ttlMinutes == null ? 240 : ttlMinutes;
        if (ttl < 1 || ttl > MAX_TTL_MINUTES) {
            throw SitroomException.invalid("ttlMinutes must be from 1 to " + MAX_TTL_MINUTES);
        }
        String code = newCode();
        UUID inviteId = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(ttl));
        CommandResult result = commands.execute(roomId, userId, "invite-" + inviteId, InviteCommand.TYPE,
                new InviteCommand(inviteId, role, expiresAt, maxUses), () -> {
                    Invite invite = new Invite();
                    invite.id = inviteId;
                    invite.roomId = roomId;
                    invite.codeHash = Sha256.hex(normalize(code));
                    invite.role = role.wire();
                    invite.createdBy = userId;
                    invite.createdAt = clock.instant();
                    invite.expiresAt = expiresAt;
                    invite.maxUses = maxUses;
                    invite.persist();
                });
        if (!result.ok()) {
            throw new SitroomException(result.error().code(), result.error().message());
        }
        audit.record(userId, null, "invite.create", "room " + roomId, "invite " + inviteId + ", role " + role + ", expires " + expiresAt
                + (maxUses == null ? "" : ", at most " + maxUses + " uses"));
        return new Created(format(code), HashChain.formatTime(expiresAt), role, startsAt(roomId));
    }

    /** Revokes an invitation (its room's lead): nobody joins with it any more; who joined stays. */
    public void revoke(UUID roomId, UUID userId, UUID inviteId) {
        CommandResult result = commands.execute(roomId, userId, "invite-revoke-" + inviteId, InviteCommand.REVOKE,
                new InviteCommand.Revoke(inviteId), () -> {
                });
        if (!result.ok()) {
            throw new SitroomException(result.error().code(), result.error().message());
        }
        audit.record(userId, null, "invite.revoke", "room " + roomId, "invite " + inviteId);
    }

    /** A room's invitations, newest first, for its lead (anyone else: 403, a non-member 404). */
    @Transactional
    public List<InviteView> list(UUID roomId, UUID userId) {
        Member me = rooms.requireMember(roomId, userId);
        Role lead = Room.<Room> findById(roomId).kind.leadRole();
        if (!me.holds(lead)) {
            throw SitroomException.forbidden("only the " + lead + " sees the room's invitations");
        }
        Instant now = clock.instant();
        return Invite.<Invite> list("roomId", io.quarkus.panache.common.Sort.descending("createdAt"), roomId).stream()
                .map(i -> new InviteView(i.id, Role.of(i.role), HashChain.formatTime(i.createdAt), HashChain.formatTime(i.expiresAt), i.uses,
                        i.maxUses, i.revokedAt == null ? null : HashChain.formatTime(i.revokedAt), i.validAt(now)))
                .toList();
    }

    /**
     * Joins a room with a code: a new guest account confined to it, added as a member with the
     * invitation's role. The account, the use of the code and the membership are one unit of work of
     * the room: all of it happens, or none (a closed room takes no one in).
     */
    public Joined join(String code, String displayName, String clientAddress) {
        if (!rateLimits.mayJoin(clientAddress)) {
            throw new io.sitroom.error.RetryLater(ErrorCode.RATE_LIMITED, "too many joins from this address; try again in a minute",
                    java.time.Duration.ofMinutes(1));
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 128) {
            throw SitroomException.invalid("displayName is required, at most 128 characters");
        }
        Invite invite = code == null ? null : findValid(Sha256.hex(normalize(code)));
        if (invite == null) {
            throw new SitroomException(ErrorCode.NOT_FOUND, UNKNOWN);
        }
        Role role = Role.of(invite.role);
        UUID guestId = UUID.randomUUID();
        Set<Role> roles = EnumSet.of(role);
        writer.run(invite.roomId, room -> {
            room.admit(JOIN);
            // Again under the room's lock: two joins at once must not both take the last use.
            if (!Invite.<Invite> findById(invite.id).validAt(clock.instant())) {
                throw new SitroomException(ErrorCode.NOT_FOUND, UNKNOWN);
            }
            createGuest(invite.id, guestId, name); // first: the membership refers to the account
            return room.append(null, null,
                    List.of(NewEvent.forEveryone(new RoomEvent.MemberAdded(guestId, name, roles, Map.of(guestId, roles), invite.id))));
        });
        TokenService.Issued issued = tokens.issue(guestId);
        return new Joined(issued.token(), HashChain.formatTime(issued.expiresAt()), invite.roomId, role,
                new UserService.UserView(guestId, guestUsername(guestId), name, null), startsAt(invite.roomId));
    }

    /** When the exercise an invitation is for is planned to start, so the invitation says when. */
    private static String startsAt(UUID roomId) {
        Instant startsAt = io.sitroom.exercise.Exercise.startsAt(roomId);
        return startsAt == null ? null : HashChain.formatTime(startsAt);
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

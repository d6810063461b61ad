package io.sitroom.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.audit.AuditLog;
import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;
import io.sitroom.room.HashChain;
import io.sitroom.security.AccountEmail;
import io.sitroom.security.AppUser;
import io.sitroom.security.Caller;

/**
 * Who a chat user is in Sitroom. A signed-in user makes a one-time code; typing {@code /sitroom link <code>} in chat
 * links that chat user to the account. Codes expire ({@code sitroom.chat.link-code-ttl}), work once, and are stored
 * as their SHA-256 only. Or, when {@code sitroom.chat.link-by-email} is on, a chat user whose platform vouches for an
 * e-mail address that exactly one Sitroom account holds verified is linked to that account the first time they act.
 * Each link and unlink is in the audit log.
 */
@ApplicationScoped
public class ChatAccounts {

    /** Unambiguous letters and digits (no 0/O, 1/I/L). */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 10;
    static final String UNKNOWN_CODE = "this link code is unknown, expired or used: make a new one in Sitroom";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final ChatConfig config;
    private final AccountEmail emails;
    private final AuditLog audit;

    public ChatAccounts(Clock clock, ChatConfig config, AccountEmail emails, AuditLog audit) {
        this.clock = clock;
        this.config = config;
        this.emails = emails;
        this.audit = audit;
    }

    public record LinkCode(String code, String expiresAt, String command) {
    }

    /** A new link code for a signed-in account; only its hash is kept. */
    @Transactional
    public LinkCode newCode(UUID userId) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        ChatLinkCode row = new ChatLinkCode();
        row.codeHash = Sha256.hex(code.toString());
        row.userId = userId;
        row.createdAt = clock.instant();
        row.expiresAt = row.createdAt.plus(config.linkCodeTtl());
        row.persist();
        return new LinkCode(code.toString(), HashChain.formatTime(row.expiresAt), "/sitroom link " + code);
    }

    /** Redeems a code for a chat user, replacing any earlier link of theirs; returns the account's display name. */
    @Transactional
    public String redeem(ChatPlatform platform, String teamId, String platformUserId, String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace("-", "");
        Instant now = clock.instant();
        ChatLinkCode row = ChatLinkCode.findById(Sha256.hex(normalized));
        // Used up in one statement, so two redemptions of one code cannot both succeed.
        if (row == null || row.usedAt != null || !now.isBefore(row.expiresAt)
                || ChatLinkCode.update("usedAt = ?1 where codeHash = ?2 and usedAt is null", now, row.codeHash) != 1) {
            throw SitroomException.notFound(UNKNOWN_CODE);
        }
        AppUser user = AppUser.findById(row.userId);
        if (user == null || user.isDisabled()) {
            throw SitroomException.notFound(UNKNOWN_CODE);
        }
        link(platform, teamId, platformUserId, user, now, "by a one-time code");
        return user.displayName;
    }

    /**
     * Links a chat user by the address their platform verified, when linking by e-mail is on and exactly one account
     * (not disabled, not a guest's) holds that address verified; the account they now act as, or null.
     */
    @Transactional
    public Account linkByEmail(ChatPlatform platform, String teamId, String platformUserId, String verifiedEmail) {
        if (!config.linkByEmail() || verifiedEmail == null) {
            return null;
        }
        if (ChatAccountLink.findById(new ChatAccountLink.Key(platform.wire(), teamId, platformUserId)) != null) {
            return null; // linked to a disabled account, or unlinked by its owner: only a code links it again
        }
        Optional<UUID> holder = emails.userByVerifiedEmail(verifiedEmail);
        AppUser user = holder.isEmpty() ? null : AppUser.findById(holder.get());
        if (user == null || user.isDisabled() || user.isGuest()) {
            return null;
        }
        link(platform, teamId, platformUserId, user, clock.instant(), "by the verified e-mail address");
        return new Account(user.id, user.displayName);
    }

    private void link(ChatPlatform platform, String teamId, String platformUserId, AppUser user, Instant now, String how) {
        ChatAccountLink link = ChatAccountLink.findById(new ChatAccountLink.Key(platform.wire(), teamId, platformUserId));
        if (link == null) {
            link = new ChatAccountLink();
            link.platform = platform.wire();
            link.teamId = teamId;
            link.platformUserId = platformUserId;
            link.userId = user.id;
            link.linkedAt = now;
            link.persist();
        } else {
            link.userId = user.id;
            link.linkedAt = now;
            link.unlinkedAt = null;
        }
        audit.record(user.id, user.displayName, "chat.link", "user " + user.id,
                platform.title() + " user " + platformUserId + " of " + teamId + ", " + how);
    }

    /** A chat account linked to a Sitroom account, as its owner sees it; {@code id} names it for unlinking. */
    public record LinkView(String id, String platform, String teamId, String platformUserId, String linkedAt) {
    }

    /** The chat accounts linked to this account, newest first. */
    @Transactional
    public List<LinkView> links(UUID userId) {
        return ChatAccountLink.<ChatAccountLink> list("userId = ?1 and unlinkedAt is null", userId).stream()
                .sorted(Comparator.comparing((ChatAccountLink l) -> l.linkedAt).reversed())
                .map(l -> new LinkView(linkId(l), l.platform, l.teamId, l.platformUserId, HashChain.formatTime(l.linkedAt))).toList();
    }

    /** Unlinks one of the caller's chat accounts: from then on it acts for no one until linked again. */
    @Transactional
    public void unlink(Caller caller, String id) {
        ChatAccountLink link = ChatAccountLink.<ChatAccountLink> list("userId = ?1 and unlinkedAt is null", caller.userId()).stream()
                .filter(l -> linkId(l).equals(id)).findFirst()
                .orElseThrow(() -> SitroomException.notFound("no linked chat account " + id));
        link.unlinkedAt = clock.instant();
        audit.record(caller.userId(), caller.displayName(), "chat.unlink", "user " + caller.userId(),
                link.platform + " user " + link.platformUserId + " of " + link.teamId);
    }

    /** A link's id: a hash of its key (the key holds characters a path cannot), stable for as long as the link stands. */
    static String linkId(ChatAccountLink link) {
        return Sha256.hex(link.platform + "\n" + link.teamId + "\n" + link.platformUserId).substring(0, 32);
    }

    /** The account a chat user acts as, or null when they are not linked (or the account is disabled or a guest's). */
    @Transactional
    public Account accountOf(ChatPlatform platform, String teamId, String platformUserId) {
        ChatAccountLink link = ChatAccountLink.findById(new ChatAccountLink.Key(platform.wire(), teamId, platformUserId));
        if (link == null || link.unlinkedAt != null) {
            return null;
        }
        AppUser user = AppUser.findById(link.userId);
        if (user == null || user.isDisabled() || user.isGuest()) {
            return null;
        }
        return new Account(user.id, user.displayName);
    }

    /** The display name of the Sitroom account a chat user is linked to, if any (for notes taken from chat). */
    @Transactional
    public String displayNameOf(ChatPlatform platform, String teamId, String platformUserId) {
        Account account = accountOf(platform, teamId, platformUserId);
        return account == null ? null : account.displayName();
    }

    public record Account(UUID userId, String displayName) {
    }
}

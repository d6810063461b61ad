package io.sitroom.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;
import io.sitroom.security.AppUser;

/**
 * Who a chat user is in Sitroom. A signed-in user makes a one-time code; typing {@code /sitroom link <code>} in chat
 * links that chat user to the account. Codes expire ({@code sitroom.chat.link-code-ttl}), work once, and are stored
 * as their SHA-256 only.
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

    public ChatAccounts(Clock clock, ChatConfig config) {
        this.clock = clock;
        this.config = config;
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
        return new LinkCode(code.toString(), io.sitroom.room.HashChain.formatTime(row.expiresAt), "/sitroom link " + code);
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
        }
        return user.displayName;
    }

    /** The account a chat user acts as, or null when they are not linked (or the account is disabled or a guest's). */
    @Transactional
    public Account accountOf(ChatPlatform platform, String teamId, String platformUserId) {
        ChatAccountLink link = ChatAccountLink.findById(new ChatAccountLink.Key(platform.wire(), teamId, platformUserId));
        if (link == null) {
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

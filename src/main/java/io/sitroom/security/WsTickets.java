package io.sitroom.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;

/**
 * One-use tickets for opening a WebSocket ({@code ?ticket=}), so that a browser never puts its long-lived token in a
 * URL (which proxies and servers log). A ticket is valid for {@link #TTL}, once; it stands for the token it was
 * issued to, whose expiry and revocation then govern the connection.
 */
@ApplicationScoped
public class WsTickets {

    static final Duration TTL = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public WsTickets(Clock clock) {
        this.clock = clock;
    }

    /** A ticket; {@code expiresAt} with milliseconds, as every time on the wire. */
    public record Issued(String ticket, String expiresAt) {
    }

    /** A ticket for the token with this hash (the caller's own); refused without one. */
    @Transactional
    public Issued issue(String tokenHash) {
        if (tokenHash == null) {
            throw SitroomException.forbidden("a ticket is issued only for a sign-in token");
        }
        Instant now = clock.instant();
        WsTicket.delete("expiresAt <= ?1", now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WsTicket row = new WsTicket();
        row.ticketHash = Sha256.hex(ticket);
        row.tokenHash = tokenHash;
        row.expiresAt = now.plus(TTL);
        row.persist();
        return new Issued(ticket, io.sitroom.clock.WireTime.format(row.expiresAt));
    }

    /**
     * Uses a ticket up: the hash of the token it stands for, if it was issued, is unexpired and was not used yet.
     * The delete decides: of two upgrades with one ticket, on any nodes, one gets it.
     */
    @Transactional
    public Optional<String> redeem(String ticket) {
        String hash = Sha256.hex(ticket);
        WsTicket row = WsTicket.findById(hash);
        if (row == null || WsTicket.delete("ticketHash", hash) != 1 || !clock.instant().isBefore(row.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(row.tokenHash);
    }
}

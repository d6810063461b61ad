package io.sitroom.live;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.security.Caller;
import io.sitroom.security.RevocationsHeard;
import io.sitroom.security.TokenService;
import io.sitroom.security.TokensRevoked;

/**
 * Ends the connections of revoked or expired tokens on this node: a connection was authorised once,
 * at its upgrade, so when its token is revoked (the admin revokes a user's tokens or disables the
 * account, the user signs out; on this node or another, which tells every node) or expires, it is
 * marked, refuses every further frame, and is closed with {@value #TOKEN_REVOKED}. A connection
 * whose token was revoked between its sign-in and its opening is closed as it opens: the node remembers the
 * revocations it heard ({@link RevocationsHeard}), and reads the token again only when one of them may concern it.
 * A node that stopped hearing the other nodes' revocations for a while checks every open connection's token once
 * it hears them again.
 */
@ApplicationScoped
public class TokenRevocations {

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);
    static final int TOKEN_REVOKED = 4401;
    static final String REASON = "token revoked; sign in again";
    static final String EXPIRED = "token expired; sign in again";
    /** When the token the upgrade was authorised with expires (put by {@link RoomUpgradeCheck}). */
    static final UserData.TypedKey<Instant> TOKEN_EXPIRES_AT = new UserData.TypedKey<>("sitroom.tokenExpiresAt");
    /** The hash of the token the upgrade was authorised with (put by {@link RoomUpgradeCheck}). */
    static final UserData.TypedKey<String> TOKEN_HASH = UserData.TypedKey.forString("sitroom.tokenHash");
    /** Where the node stood in the revocations it heard when the token was read (put by {@link RoomUpgradeCheck}). */
    static final UserData.TypedKey<Long> REVOCATIONS_MARK = UserData.TypedKey.forLong("sitroom.revocationsMark");
    private static final UserData.TypedKey<Boolean> REVOKED = UserData.TypedKey.forBoolean("sitroom.revoked");

    private final OpenConnections connections;
    private final TokenService tokens;
    private final Clock clock;
    private final RevocationsHeard heard;

    public TokenRevocations(OpenConnections connections, TokenService tokens, Clock clock, RevocationsHeard heard) {
        this.heard = heard;
        this.connections = connections;
        this.tokens = tokens;
        this.clock = clock;
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRevoked revoked) {
        revoke(revoked.userId(), revoked.tokenHash());
    }

    /** Closes this node's connections of a user signed in with a token (null: any token of theirs). */
    public void revoke(UUID userId, String tokenHash) {
        // Remembered first: a connection opening now is either among those closed below or sees this as it opens.
        heard.heard(userId, tokenHash);
        connections.stream().filter(c -> signedInWith(c, userId, tokenHash)).forEach(c -> revoke(c, REASON));
    }

    /** Closes the connections whose token has expired (every second; tests call it after moving the clock). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void closeExpired() {
        Instant now = clock.instant();
        connections.stream().filter(c -> {
            Instant expiresAt = c.userData().get(TOKEN_EXPIRES_AT);
            return expiresAt != null && !expiresAt.isAfter(now) && !isRevoked(c);
        }).forEach(c -> revoke(c, EXPIRED));
    }

    private static boolean signedInWith(WebSocketConnection connection, UUID userId, String tokenHash) {
        Caller caller = connection.userData().get(LiveSessions.CALLER);
        return caller != null && caller.userId().equals(userId)
                && (tokenHash == null || tokenHash.equals(connection.userData().get(TOKEN_HASH)));
    }

    /** Whether the connection's token was revoked: it must not act any more. */
    boolean isRevoked(WebSocketConnection connection) {
        return Boolean.TRUE.equals(connection.userData().get(REVOKED));
    }

    /**
     * At opening (already among the open connections that a revocation closes): closes the connection if its token
     * was revoked since it was read. Returns whether it did. The token is read again only if a revocation heard
     * since may concern it.
     */
    boolean closeIfRevokedSinceSignIn(WebSocketConnection connection) {
        String hash = connection.userData().get(TOKEN_HASH);
        Caller caller = connection.userData().get(LiveSessions.CALLER);
        Long mark = connection.userData().get(REVOCATIONS_MARK);
        if (hash != null && (mark == null || caller == null || heard.mayHaveRevokedSince(mark, caller.userId(), hash))
                && !tokens.isValid(hash)) {
            revoke(connection, REASON);
            return true;
        }
        return isRevoked(connection);
    }

    /**
     * This node hears every revocation from now on: it is the only node, or it listens to the others again. What it
     * may have missed before is found by reading the tokens of its open connections once.
     */
    public void hearing() {
        heard.hearing();
        java.util.Set<String> open = new java.util.HashSet<>();
        connections.forEach(c -> {
            String hash = c.userData().get(TOKEN_HASH);
            if (hash != null && !isRevoked(c)) {
                open.add(hash);
            }
        });
        if (open.isEmpty()) {
            return;
        }
        java.util.Set<String> invalid = tokens.invalidAmong(open);
        if (!invalid.isEmpty()) {
            LOG.infof("%d token(s) of open connections were revoked while this node did not hear the others", invalid.size());
            connections.stream().filter(c -> invalid.contains(c.userData().get(TOKEN_HASH)) && !isRevoked(c))
                    .forEach(c -> revoke(c, REASON));
        }
    }

    /** This node may miss other nodes' revocations from now on: connections opening read their token again. */
    public void deaf() {
        heard.deaf();
    }

    private void revoke(WebSocketConnection connection, String reason) {
        connection.userData().put(REVOKED, true);
        LOG.infof("closing connection %s: %s", connection.id(), reason);
        connection.close(new CloseReason(TOKEN_REVOKED, reason)).subscribe().with(ok -> {
        }, failure -> {
        });
    }
}

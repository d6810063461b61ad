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
import io.sitroom.security.TokenService;
import io.sitroom.security.TokensRevoked;

/**
 * Ends the connections of revoked or expired tokens on this node: a connection was authorised once,
 * at its upgrade, so when its token is revoked (the admin revokes a user's tokens or disables the
 * account, the user signs out; on this node or another, which tells every node) or expires, it is
 * marked, refuses every further frame, and is closed with {@value #TOKEN_REVOKED}. A connection
 * whose token was revoked between its upgrade and its opening is closed as it opens.
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
    private static final UserData.TypedKey<Boolean> REVOKED = UserData.TypedKey.forBoolean("sitroom.revoked");

    private final OpenConnections connections;
    private final TokenService tokens;
    private final Clock clock;

    public TokenRevocations(OpenConnections connections, TokenService tokens, Clock clock) {
        this.connections = connections;
        this.tokens = tokens;
        this.clock = clock;
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRevoked revoked) {
        revoke(revoked.userId(), revoked.tokenHash());
    }

    /** Closes this node's connections of a user signed in with a token (null: any token of theirs). */
    public void revoke(UUID userId, String tokenHash) {
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

    /** At opening: closes the connection if its token was revoked since the upgrade. Returns whether it did. */
    boolean closeIfRevokedSinceUpgrade(WebSocketConnection connection) {
        String hash = connection.userData().get(TOKEN_HASH);
        if (hash != null && !tokens.isValid(hash)) {
            revoke(connection, REASON);
            return true;
        }
        return isRevoked(connection);
    }

    private void revoke(WebSocketConnection connection, String reason) {
        connection.userData().put(REVOKED, true);
        LOG.infof("closing connection %s: %s", connection.id(), reason);
        connection.close(new CloseReason(TOKEN_REVOKED, reason)).subscribe().with(ok -> {
        }, failure -> {
        });
    }
}

package io.sitroom.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.sitroom.security.Caller;
import io.sitroom.security.TokenService;
import io.sitroom.security.TokensRevoked;

/**
 * Ends the connections of revoked tokens on this node: a connection was authorised once, at its
 * upgrade, so when its token is revoked (the admin revokes a user's tokens, the user signs out) it is
 * marked, refuses every further frame, and is closed with {@value #TOKEN_REVOKED}. A connection
 * whose token was revoked between its upgrade and its opening is closed as it opens.
 */
@ApplicationScoped
public class TokenRevocations {

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);
    static final int TOKEN_REVOKED = 4401;
    static final String REASON = "token revoked; sign in again";
    /** The hash of the token the upgrade was authorised with (put by {@link RoomUpgradeCheck}). */
    static final UserData.TypedKey<String> TOKEN_HASH = UserData.TypedKey.forString("sitroom.tokenHash");
    private static final UserData.TypedKey<Boolean> REVOKED = UserData.TypedKey.forBoolean("sitroom.revoked");

    private final OpenConnections connections;
    private final TokenService tokens;

    public TokenRevocations(OpenConnections connections, TokenService tokens) {
        this.connections = connections;
        this.tokens = tokens;
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRevoked revoked) {
        connections.stream().filter(c -> signedInWith(c, revoked)).forEach(this::revoke);
    }

    private static boolean signedInWith(WebSocketConnection connection, TokensRevoked revoked) {
        Caller caller = connection.userData().get(LiveSessions.CALLER);
        return caller != null && caller.userId().equals(revoked.userId())
                && (revoked.tokenHash() == null || revoked.tokenHash().equals(connection.userData().get(TOKEN_HASH)));
    }

    /** Whether the connection's token was revoked: it must not act any more. */
    boolean isRevoked(WebSocketConnection connection) {
        return Boolean.TRUE.equals(connection.userData().get(REVOKED));
    }

    /** At opening: closes the connection if its token was revoked since the upgrade. Returns whether it did. */
    boolean closeIfRevokedSinceUpgrade(WebSocketConnection connection) {
        String hash = connection.userData().get(TOKEN_HASH);
        if (hash != null && !tokens.isValid(hash)) {
            revoke(connection);
            return true;
        }
        return isRevoked(connection);
    }

    private void revoke(WebSocketConnection connection) {
        connection.userData().put(REVOKED, true);
        LOG.infof("closing connection %s: its token was revoked", connection.id());
        connection.close(new CloseReason(TOKEN_REVOKED, REASON)).subscribe().with(ok -> {
        }, failure -> {
        });
    }
}

package io.sitroom.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sign-ins of WebSocket upgrades, remembered for a few seconds: a client that opens many sockets with one token
 * (a user's tabs, an integration, thousands of clients reconnecting after a restart) has its token read once, not
 * once a socket.
 *
 * <p>A remembered sign-in is used again only while all of this holds, else the token is read as on a first upgrade:
 * <ul>
 * <li>it was read less than {@link #KEPT} ago (what a revocation does not change, such as a new display name, is at
 * most that old);
 * <li>the token has not expired;
 * <li>this node has heard every revocation since the read, and none may concern the token
 * ({@link RevocationsHeard#mayHaveRevokedSince}): signing out, an admin's revocation and disabling the account are all
 * heard, on every node, so a revoked token opens nothing from the moment its revocation is heard.
 * </ul>
 * The sign-in keeps the revocations mark taken before its read, so the check at opening and the closing of open
 * sockets on a later revocation work as for a token read just now. Only upgrades use it: every other request reads
 * its token.
 */
@ApplicationScoped
public class UpgradeSignIns {

    /** How long a sign-in is used again. */
    static final Duration KEPT = Duration.ofSeconds(10);

    /** Past this many tokens remembered, the memory starts again (a token then is read again, nothing worse). */
    static final int MAX_REMEMBERED = 20_000;

    /** A token signed in, and the mark in the revocations heard taken before it was read. */
    public record SignIn(TokenService.SignedInUntil signedIn, long revocationsMark) {
    }

    private record Remembered(SignIn signIn, Instant readAt) {
    }

    private final Function<String, Optional<TokenService.SignedInUntil>> read;
    private final RevocationsHeard revocations;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    @Inject
    public UpgradeSignIns(TokenService tokens, RevocationsHeard revocations, Clock clock) {
        this(tokens::signedIn, revocations, clock);
    }

    /** With the token read given: the rules above, tested without a database. */
    UpgradeSignIns(Function<String, Optional<TokenService.SignedInUntil>> read, RevocationsHeard revocations, Clock clock) {
        this.read = read;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** The account signed in by the token with this hash, remembered or read now; empty if it signs no one in. */
    public Optional<SignIn> signIn(String tokenHash) {
        Instant now = clock.instant();
        Remembered known = remembered.get(tokenHash);
        if (known != null && stillGood(known, tokenHash, now)) {
            return Optional.of(known.signIn());
        }
        // Before the read: a revocation after it is heard past this mark.
        long mark = revocations.mark();
        Optional<TokenService.SignedInUntil> signedIn = read.apply(tokenHash);
        if (signedIn.isEmpty()) {
            remembered.remove(tokenHash);
            return Optional.empty();
        }
        SignIn signIn = new SignIn(signedIn.get(), mark);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(tokenHash, new Remembered(signIn, now));
        return Optional.of(signIn);
    }

    private boolean stillGood(Remembered known, String tokenHash, Instant now) {
        TokenService.SignedInUntil signedIn = known.signIn().signedIn();
        return now.isBefore(known.readAt().plus(KEPT)) && now.isBefore(signedIn.expiresAt())
                && !revocations.mayHaveRevokedSince(known.signIn().revocationsMark(), signedIn.user().id, tokenHash);
    }
}

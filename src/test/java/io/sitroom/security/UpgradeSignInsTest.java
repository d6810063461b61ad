package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.sitroom.clock.MutableClock;

/** When an upgrade's sign-in is used again, and when its token is read. Pure: the token's read is a map. */
class UpgradeSignInsTest {

    private final MutableClock clock = new MutableClock();
    private final RevocationsHeard revocations = new RevocationsHeard();
    /** The tokens as the database has them: a sign-in for each hash that signs someone in. */
    private final Map<String, TokenService.SignedInUntil> database = new HashMap<>();
    private int reads;
    private UpgradeSignIns signIns;
    private AppUser alice;

    @BeforeEach
    void setUp() {
        clock.freeze();
        revocations.hearing();
        signIns = new UpgradeSignIns(hash -> {
            reads++;
            return Optional.ofNullable(database.get(hash));
        }, revocations, clock);
        alice = user("alice");
        database.put("a1", new TokenService.SignedInUntil(alice, clock.instant().plus(Duration.ofHours(12))));
    }

    private static AppUser user(String name) {
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.username = name;
        user.displayName = name;
        return user;
    }

    @Test
    void aTokenOpeningManySockets_isReadOnce_withTheMarkOfThatRead() {
        long markBefore = revocations.mark();
        for (int i = 0; i < 20; i++) {
            UpgradeSignIns.SignIn signIn = signIns.signIn("a1").orElseThrow();
            assertEquals(alice.id, signIn.signedIn().user().id);
            assertEquals(markBefore, signIn.revocationsMark(), "the mark taken before the one read");
        }
        assertEquals(1, reads);
    }

    @Test
    void aTokenThatSignsNoOneIn_isReadEachTime_andNeverRemembered() {
        assertTrue(signIns.signIn("unknown").isEmpty());
        assertTrue(signIns.signIn("unknown").isEmpty());
        assertEquals(2, reads);
    }

    @Test
    void aRevocationOfTheToken_orOfAllTheUsersTokens_isReadAtOnce() {
        signIns.signIn("a1");
        revocations.heard(alice.id, "a1");
        database.remove("a1"); // what the revocation did
        assertTrue(signIns.signIn("a1").isEmpty(), "refused from the moment the revocation is heard");

        database.put("a2", new TokenService.SignedInUntil(alice, clock.instant().plus(Duration.ofHours(1))));
        signIns.signIn("a2");
        revocations.heard(alice.id, null); // signed out everywhere, or the account disabled
        database.remove("a2");
        assertTrue(signIns.signIn("a2").isEmpty());
    }

    @Test
    void anotherUsersRevocation_keepsTheSignIn() {
        signIns.signIn("a1");
        revocations.heard(UUID.randomUUID(), null);
        signIns.signIn("a1");
        assertEquals(1, reads);
    }

    @Test
    void aNodeThatMayMissRevocations_readsTheTokenEachTime() {
        signIns.signIn("a1");
        revocations.deaf();
        signIns.signIn("a1");
        signIns.signIn("a1");
        assertEquals(3, reads);
    }

    @Test
    void aSignIn_isUsedAgainForAFewSecondsOnly() {
        signIns.signIn("a1");
        clock.advance(UpgradeSignIns.KEPT.minusMillis(1));
        signIns.signIn("a1");
        assertEquals(1, reads);
        clock.advance(Duration.ofMillis(1));
        signIns.signIn("a1");
        assertEquals(2, reads, "read again once it is as old as KEPT");
    }

    @Test
    void anExpiredToken_isNotSignedInFromMemory() {
        Instant expiry = clock.instant().plus(Duration.ofSeconds(2));
        database.put("short", new TokenService.SignedInUntil(alice, expiry));
        assertTrue(signIns.signIn("short").isPresent());
        clock.advance(Duration.ofSeconds(2));
        database.remove("short"); // the database's read refuses it as expired too
        assertFalse(signIns.signIn("short").isPresent());
        assertEquals(2, reads);
    }
}

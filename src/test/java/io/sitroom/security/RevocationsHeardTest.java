package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RevocationsHeardTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private static RevocationsHeard hearing() {
        RevocationsHeard heard = new RevocationsHeard();
        heard.hearing();
        return heard;
    }

    @Test
    void nothingHeardSinceTheMark_meansNoRevocation() {
        RevocationsHeard heard = hearing();
        long mark = heard.mark();
        assertFalse(heard.mayHaveRevokedSince(mark, ALICE, "a1"));
    }

    @Test
    void aRevocationOfTheSameToken_orOfAllTheUsersTokens_mayConcernIt() {
        RevocationsHeard heard = hearing();
        long mark = heard.mark();
        heard.heard(ALICE, "a1");
        assertTrue(heard.mayHaveRevokedSince(mark, ALICE, "a1"));

        long later = heard.mark();
        heard.heard(ALICE, null);
        assertTrue(heard.mayHaveRevokedSince(later, ALICE, "a2"), "every token of the user, or the account disabled");
    }

    @Test
    void otherUsersRevocations_andAnotherTokenOfTheSameUser_doNot() {
        RevocationsHeard heard = hearing();
        long mark = heard.mark();
        heard.heard(BOB, null);
        heard.heard(BOB, "b1");
        heard.heard(ALICE, "a-phone");
        assertFalse(heard.mayHaveRevokedSince(mark, ALICE, "a-laptop"));
        assertTrue(heard.mayHaveRevokedSince(mark, BOB, "b2"));
    }

    @Test
    void revocationsHeardBeforeTheMark_areAlreadyInTheTokenRead() {
        RevocationsHeard heard = hearing();
        heard.heard(ALICE, null);
        long mark = heard.mark();
        heard.heard(BOB, null);
        assertFalse(heard.mayHaveRevokedSince(mark, ALICE, "a1"), "a token read after the revocation was read as it is");
    }

    @Test
    void aNodeThatMayMissRevocations_readsEveryTokenAgain() {
        assertTrue(new RevocationsHeard().mayHaveRevokedSince(0, ALICE, "a1"), "deaf until told it hears them");

        RevocationsHeard heard = hearing();
        long mark = heard.mark();
        heard.deaf();
        assertTrue(heard.mayHaveRevokedSince(mark, ALICE, "a1"));
        long whileDeaf = heard.mark();
        assertTrue(heard.mayHaveRevokedSince(whileDeaf, ALICE, "a1"), "nothing heard while deaf proves nothing");

        heard.hearing();
        assertTrue(heard.mayHaveRevokedSince(whileDeaf, ALICE, "a1"), "what was revoked during the gap was never heard");
        assertFalse(heard.mayHaveRevokedSince(heard.mark(), ALICE, "a1"));
    }

    @Test
    void moreRevocationsSinceTheMarkThanAreKept_meanMaybe() {
        RevocationsHeard heard = hearing();
        long mark = heard.mark();
        for (int i = 0; i <= RevocationsHeard.KEPT; i++) {
            heard.heard(BOB, "b" + i);
        }
        assertTrue(heard.mayHaveRevokedSince(mark, ALICE, "a1"), "the oldest of them are forgotten");
        long recent = heard.mark();
        heard.heard(BOB, "b-last");
        assertFalse(heard.mayHaveRevokedSince(recent, ALICE, "a1"));
    }

    @Test
    void aMarkFromNowhere_isNotTrusted() {
        RevocationsHeard heard = hearing();
        assertTrue(heard.mayHaveRevokedSince(heard.mark() + 5, ALICE, "a1"), "a mark of another node, or forged");
        assertTrue(heard.mayHaveRevokedSince(-1, ALICE, "a1"));
    }
}

package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private void assertRefused(String password, String username, String why) {
        SitroomException refused = assertThrows(SitroomException.class, () -> policy.check(password, username));
        assertEquals(ErrorCode.INVALID, refused.code());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void aPassword_isRefused_whenShorterThan12_orLongerThan72() {
        assertRefused("eleven-char", "alice", "12 to 72");
        assertRefused("x".repeat(73), "alice", "12 to 72");
        assertRefused(null, "alice", "12 to 72");
        assertDoesNotThrow(() -> policy.check("twelve-chars", "alice"));
    }

    @Test
    void aPassword_isRefused_whenOnTheBundledListOfCommonOnes_inAnyCase() {
        assertRefused("1qaz2wsx3edc", "alice", "most common");
        assertRefused("123QWEASDZXC", "alice", "most common");
    }

    @Test
    void aPassword_isRefused_whenItIsTheUsername() {
        assertRefused("alice.longname", "alice.longname", "username");
    }
}

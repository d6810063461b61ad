package io.sitroom.mail;

import java.security.SecureRandom;
import java.util.Base64;

import io.sitroom.crypto.Sha256;

/** Tokens for links in mails: 32 random bytes, URL-safe; stored as their SHA-256 where only a match is needed. */
public final class MailTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MailTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Whether a string from a link could be a token at all (so junk is refused before any query). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}

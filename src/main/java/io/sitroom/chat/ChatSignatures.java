package io.sitroom.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each platform proves a request is its own. Pure: the time is given, every comparison is constant-time,
 * and a malformed header is simply not a valid signature.
 */
public final class ChatSignatures {

    /** Slack refuses to be replayed after five minutes, and so do we. */
    public static final Duration SLACK_WINDOW = Duration.ofMinutes(5);

    private ChatSignatures() {
    }

    /**
     * Slack's v0 scheme: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>" with the signing
     * secret>}, with {@code X-Slack-Request-Timestamp} (Unix seconds) within {@link #SLACK_WINDOW} of now either way.
     */
    public static boolean slack(String signingSecret, String timestamp, String signature, String rawBody, Instant now) {
        if (signingSecret == null || signingSecret.isEmpty() || timestamp == null || signature == null || rawBody == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(SLACK_WINDOW) > 0) {
            return false;
        }
        String expected = "v0=" + HexFormat.of().formatHex(hmac(signingSecret.getBytes(StandardCharsets.UTF_8),
                "v0:" + timestamp + ":" + rawBody));
        return equal(expected, signature);
    }

    /**
     * Microsoft Teams' outgoing webhooks: {@code Authorization: HMAC <base64 HMAC-SHA256 of the raw body>}, keyed with the
     * base64-decoded security token Teams showed when the webhook was made.
     */
    public static boolean teams(String base64Secret, String authorization, String rawBody) {
        if (base64Secret == null || authorization == null || rawBody == null || !authorization.startsWith("HMAC ")) {
            return false;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Secret.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (key.length == 0) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString(hmac(key, rawBody));
        return equal(expected, authorization.substring("HMAC ".length()).strip());
    }

    /** Mattermost's slash commands and buttons carry a shared token, compared here in constant time. */
    public static boolean token(String expected, String given) {
        return expected != null && !expected.isEmpty() && given != null && equal(expected, given);
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

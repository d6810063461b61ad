package io.sitroom.security;

import java.util.UUID;

/**
 * Fired (after the commit) when tokens stop working before they expire: all of a user's
 * ({@code tokenHash} null), or one (sign-out). Open connections signed in with them are closed.
 */
public record TokensRevoked(UUID userId, String tokenHash) {
}

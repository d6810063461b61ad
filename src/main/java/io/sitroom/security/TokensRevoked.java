package io.sitroom.security;

import java.util.UUID;

/**
 * Fired in the transaction that revokes tokens before they expire: all of a user's ({@code tokenHash} null), or
 * one (sign-out). The other nodes are told with its commit; open connections signed in with them are closed after it.
 */
public record TokensRevoked(UUID userId, String tokenHash) {
}

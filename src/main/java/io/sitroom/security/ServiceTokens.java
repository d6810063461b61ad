package io.sitroom.security;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Tokens that stand for a system rather than a person, issued by another feature (alert intake's
 * integration tokens): recognised by their prefix, valid on that feature's paths only. Security
 * asks every implementation; it knows none of them.
 */
public interface ServiceTokens {

    /** The prefix every token of this kind starts with. */
    String prefix();

    /** Whether a token of this kind may authenticate a request to this (normalised) path. */
    boolean validOn(String path);

    /** The identity a token stands for, if it is valid (called on a worker thread; may read the database). */
    Optional<SecurityIdentity> identify(String token);
}

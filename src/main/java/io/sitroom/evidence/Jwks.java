package io.sitroom.evidence;

import java.util.List;

import io.sitroom.chain.Jwk;

/** A JWK Set (RFC 7517): the public keys that sign checkpoints. */
public record Jwks(List<Jwk> keys) {
}

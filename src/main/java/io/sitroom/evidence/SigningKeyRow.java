package io.sitroom.evidence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One signing key: generations count up from 1 and the newest signs. The private half is sealed
 * ({@link KeySealer}) with the node's secret and bound to this row's kid and public key, so a row
 * written by anyone without the secret is never used or published.
 */
@Entity
@Table(name = "signing_key")
public class SigningKeyRow extends PanacheEntityBase {

    @Id
    public int generation;

    @Column(nullable = false, unique = true, length = 64)
    public String kid;

    /** The raw public key, base64url (a JWK's x). */
    @Column(name = "public_key", nullable = false, length = 64)
    public String publicKey;

    /** base64 of the AES-GCM nonce and ciphertext of the PKCS#8 private key. */
    @Column(name = "sealed_private_key", nullable = false, length = 512)
    public String sealedPrivateKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

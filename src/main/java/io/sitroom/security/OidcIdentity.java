package io.sitroom.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The link from a person at the company's OpenID Connect provider ({@code iss} + {@code sub}) to their account. */
@Entity
@Table(name = "oidc_identity")
public class OidcIdentity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 512)
    public String issuer;

    @Column(nullable = false, length = 255)
    public String subject;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_sign_in_at", nullable = false)
    public Instant lastSignInAt;

    public static OidcIdentity find(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResult();
    }
}

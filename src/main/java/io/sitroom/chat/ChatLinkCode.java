package io.sitroom.chat;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A one-time link code, kept as its SHA-256 only. */
@Entity
@Table(name = "chat_link_code")
public class ChatLinkCode extends PanacheEntityBase {

    @Id
    @Column(name = "code_hash", length = 64)
    public String codeHash;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}

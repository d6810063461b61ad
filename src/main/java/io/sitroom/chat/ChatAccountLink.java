package io.sitroom.chat;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A chat user (platform, workspace or team, their id there) acting as a Sitroom account. */
@Entity
@Table(name = "chat_account_link")
@IdClass(ChatAccountLink.Key.class)
public class ChatAccountLink extends PanacheEntityBase {

    public record Key(String platform, String teamId, String platformUserId) implements Serializable {
    }

    @Id
    @Column(length = 16)
    public String platform;

    @Id
    @Column(name = "team_id", length = 64)
    public String teamId;

    @Id
    @Column(name = "platform_user_id", length = 128)
    public String platformUserId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    /** Set when the account's owner unlinked it: it acts for no one, and only a new code links it again. */
    @Column(name = "unlinked_at")
    public Instant unlinkedAt;
}

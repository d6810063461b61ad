package io.sitroom.tracker;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An issue tracker the admin configured. The credentials and the webhook secret are sealed
 * ({@link TrackerSecrets}), bound to this row's id; they never leave the server through the API.
 */
@Entity
@Table(name = "tracker")
public class Tracker extends PanacheEntityBase {

    /** GitHub: a token sent as {@code Authorization: Bearer}. */
    public static final String AUTH_TOKEN = "token";
    /** Jira Cloud: an account's e-mail and API token, sent as HTTP basic. */
    public static final String AUTH_BASIC = "basic";
    /** Jira Data Center or a proxy: a personal access token, sent as {@code Authorization: Bearer}. */
    public static final String AUTH_BEARER = "bearer";

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TrackerKind kind;

    @Column(name = "base_url", nullable = false, length = 500)
    public String baseUrl;

    /** GitHub: {@code owner/repo}; Jira: the project key. */
    @Column(nullable = false, length = 200)
    public String target;

    /** Jira: the issue type's name ("Task"); null for GitHub. */
    @Column(name = "issue_type", length = 100)
    public String issueType;

    @Column(nullable = false, length = 16)
    public String auth;

    @Column(name = "credentials_sealed", nullable = false, length = 4000)
    public String credentialsSealed;

    @Column(name = "webhook_secret_sealed", nullable = false, length = 1000)
    public String webhookSecretSealed;

    /** Every action created while an incident is in its post-incident phase is linked here without being asked. */
    @Column(name = "create_for_post_incident", nullable = false)
    public boolean createForPostIncident;

    /** A remote issue closed as done completes its action. */
    @Column(name = "close_completes", nullable = false)
    public boolean closeCompletes;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    public boolean active() {
        return removedAt == null;
    }

    /** A tracker that is configured and not removed, or null. */
    public static Tracker active(UUID id) {
        Tracker tracker = id == null ? null : findById(id);
        return tracker == null || !tracker.active() ? null : tracker;
    }
}

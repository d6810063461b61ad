package io.sitroom.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account: a person who signs in with a password, through the company's provider, or both. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 128)
    public String displayName;

    /** bcrypt, in modular crypt form; null for an account without a password. */
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    /** Whether the account may sign in with its password (off for accounts that sign in through the company provider). */
    @Column(name = "password_login", nullable = false)
    public boolean passwordLogin;

    @Column(nullable = false)
    public boolean admin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** For a guest who joined by invitation: the one room they may enter. Null for accounts. */
    @Column(name = "guest_room_id")
    public UUID guestRoomId;

    /** When the admin disabled the account; null while it may sign in. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** The account's e-mail address, lower-cased; null if none. */
    @Column(length = 254)
    public String email;

    /** Whether {@link #email} is known to be the person's: the provider said so, or they followed the mailed link. */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public boolean isGuest() {
        return guestRoomId != null;
    }

    /** The account (not disabled, not a guest) whose verified address this is; null if none. */
    public static AppUser findByVerifiedEmail(String email) {
        return find("email = ?1 and emailVerified = true and disabledAt is null and guestRoomId is null", email).firstResult();
    }

    public static AppUser findByUsername(String username) {
        return find("username", username).firstResult();
    }
}

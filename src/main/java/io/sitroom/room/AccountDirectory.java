package io.sitroom.room;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.security.UserService;

/** The directory deciders look people up in: the accounts. */
@ApplicationScoped
class AccountDirectory implements Directory {

    private final UserService users;

    AccountDirectory(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<String> displayName(UUID userId) {
        return users.displayName(userId);
    }
}

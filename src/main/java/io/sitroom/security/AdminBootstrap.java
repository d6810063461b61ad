package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Creates the first admin when the server starts on an empty database. */
@ApplicationScoped
public class AdminBootstrap {

    void onStart(@Observes StartupEvent event, UserService users) {
        users.ensureAdmin();
    }
}

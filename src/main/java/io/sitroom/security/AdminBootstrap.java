package io.sitroom.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first admin when the server starts on an empty database. Several nodes may start
 * on the same empty database at once: one creates the account, the others find it made.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, UserService users) {
        try {
            UserService.AdminCreated created = users.ensureAdmin(password -> LOG.warnf(
                    "Created the account 'admin' with the generated password %s (shown this once; set SITROOM_ADMIN_PASSWORD to choose it)",
                    password));
            if (created == UserService.AdminCreated.WITH_CONFIGURED_PASSWORD) {
                LOG.info("Created the account 'admin' with the password from SITROOM_ADMIN_PASSWORD");
            }
        } catch (RuntimeException e) {
            if (!users.adminExists()) {
                throw e;
            }
            LOG.info("Another node created the account 'admin' first");
        }
    }
}

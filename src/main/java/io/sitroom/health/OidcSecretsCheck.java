package io.sitroom.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * At start, with company sign-in on: warns when the secret that encrypts the sign-in's state cookie is under 32
 * characters. quarkus-oidc then makes a random one for this process alone, so a sign-in that comes back through
 * another node, or after a restart, cannot be read (AEADBadTagException in the log, a failed sign-in for the person).
 */
@ApplicationScoped
public class OidcSecretsCheck {

    private static final Logger LOG = Logger.getLogger(OidcSecretsCheck.class);
    static final int MIN_LENGTH = 32;

    private final Config config;

    public OidcSecretsCheck(Config config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(false)) {
            return;
        }
        String stateSecret = config.getOptionalValue("quarkus.oidc.authentication.state-secret", String.class).orElse("");
        String clientSecret = config.getOptionalValue("quarkus.oidc.credentials.secret", String.class).orElse("");
        String warning = warning(stateSecret, clientSecret);
        if (warning != null) {
            LOG.warn(warning);
        }
    }

    /** Pure: the warning for these secrets, or null when the state cookie can be read by every node and after restarts. */
    static String warning(String stateSecret, String clientSecret) {
        if (stateSecret.length() >= MIN_LENGTH || (stateSecret.isEmpty() && clientSecret.length() >= MIN_LENGTH)) {
            return null;
        }
        String which = stateSecret.isEmpty() ? "the client secret (QUARKUS_OIDC_CREDENTIALS_SECRET), which is used for it,"
                : "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET";
        return "company sign-in: the secret of the sign-in state cookie is under " + MIN_LENGTH + " characters (" + which
                + " is too short), so this node makes one of its own: a sign-in that returns through another node or after a"
                + " restart fails. Set QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET and QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET"
                + " (32 characters or more, the same on every node); docs/operations.md, \"Company sign-in\"";
    }
}

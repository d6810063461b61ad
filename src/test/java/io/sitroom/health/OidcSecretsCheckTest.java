package io.sitroom.health;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OidcSecretsCheckTest {

    private static final String LONG = "x".repeat(32);

    @Test
    void warning_whenTheStateSecretOrTheClientSecretUsedForItIsShort() {
        assertTrue(OidcSecretsCheck.warning("", "short").contains("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        assertTrue(OidcSecretsCheck.warning("short", LONG).contains("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET is too short"));
        assertNotNull(OidcSecretsCheck.warning("", ""));
    }

    @Test
    void noWarning_whenTheSecretThatEncryptsTheStateIsLongEnough() {
        assertNull(OidcSecretsCheck.warning(LONG, ""));
        assertNull(OidcSecretsCheck.warning("", LONG));
    }
}

package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cross-site rules of {@link BrowserSession}, without a server. */
class BrowserSessionRulesTest {

    private static final String HOST = "sitroom.example.com";
    private static final String OWN = "https://sitroom.example.com";

    @Test
    void aStateChangingRequestByCookie_needsTheProof_aSafeOneDoesNot() {
        assertNotNull(BrowserSession.refusal("POST", false, true, false, OWN, HOST, List.of()));
        assertNotNull(BrowserSession.refusal("delete", false, true, false, null, HOST, List.of()));
        assertNull(BrowserSession.refusal("GET", false, true, false, "https://evil.example", HOST, List.of()));
        assertNull(BrowserSession.refusal("POST", true, true, false, OWN, HOST, List.of()));
    }

    @Test
    void bearerClients_andRequestsWithoutTheCookie_areNotConcerned() {
        assertNull(BrowserSession.refusal("POST", false, true, true, "https://evil.example", HOST, List.of()));
        assertNull(BrowserSession.refusal("POST", false, false, false, "https://evil.example", HOST, List.of()));
    }

    @Test
    void theProof_countsOnlyFromTheServersOwnOrigin_orAnAllowedOne() {
        assertNotNull(BrowserSession.refusal("POST", true, true, false, "https://evil.example", HOST, List.of()));
        assertNotNull(BrowserSession.refusal("POST", true, false, false, "null", HOST, List.of()));
        assertNull(BrowserSession.refusal("POST", true, true, false, "https://console.example.com", HOST, List.of("https://console.example.com")));
    }

    @Test
    void theCookie_isHttpOnlyStrict_andSecureUnderTheHostPrefix_overHttps() {
        String secure = BrowserSession.cookie("t0k3n", true);
        assertTrue(secure.startsWith("__Host-sitroom_session=t0k3n"), secure);
        assertTrue(secure.contains("Secure") && secure.toLowerCase().contains("httponly"), secure);
        assertTrue(secure.contains("SameSite=Strict") && secure.contains("Path=/"), secure);
        String plain = BrowserSession.cookie("t0k3n", false);
        assertTrue(plain.startsWith("sitroom_session=t0k3n") && !plain.contains("Secure"), plain);
        assertTrue(BrowserSession.tokenOf(Map.of("sitroom_session", "a", "__Host-sitroom_session", "b")).equals("b"));
    }
}

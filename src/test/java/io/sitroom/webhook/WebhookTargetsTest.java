package io.sitroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where webhooks may go, with and without an allow-list, against a fixed resolver. */
class WebhookTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.slack.com", "34.1.2.3",
            "api.partner.example", "93.184.216.34",
            "intranet.corp.example", "10.1.2.3",
            "rebind.example", "169.254.169.254",
            "mixed.example", "93.184.216.34,192.168.1.5",
            "localhost", "127.0.0.1");

    private static WebhookTargets targets(String... allowed) {
        return new WebhookTargets(allowed.length == 0 ? Optional.empty() : Optional.of(List.of(allowed)), host -> {
            String addresses = DNS.get(host);
            if (addresses == null) {
                if (host.matches("[0-9a-f:.]+")) {
                    return new InetAddress[] { InetAddress.getByName(host) };
                }
                throw new UnknownHostException(host);
            }
            String[] list = addresses.split(",");
            InetAddress[] resolved = new InetAddress[list.length];
            for (int i = 0; i < list.length; i++) {
                resolved[i] = InetAddress.getByName(list[i]);
            }
            return resolved;
        });
    }

    private static Optional<String> refusal(WebhookTargets targets, String url) {
        return targets.refusal(URI.create(url));
    }

    @Test
    void withoutAnAllowList_publicHostsAreAllowed_internalOnesAreNot() {
        WebhookTargets open = targets();
        assertEquals(Optional.empty(), refusal(open, "https://hooks.slack.com/services/T/B/X"));
        assertEquals(Optional.empty(), refusal(open, "https://93.184.216.34/hook"));
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://rebind.example/", "http://[fe80::1]/",
                "http://[fd00:ec2::254]/", "http://0.0.0.0:8080/", "http://224.0.0.1/")) {
            assertTrue(refusal(open, url).orElseThrow().contains("never a webhook target"), url);
        }
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/", "http://[::1]/", "http://10.0.0.5/", "http://172.16.0.1/",
                "http://192.168.1.1/", "http://100.64.0.1/", "http://intranet.corp.example/", "http://mixed.example/", "http://[fd12::1]/",
                "http://[::ffff:127.0.0.1]/")) {
            assertTrue(refusal(open, url).orElseThrow().contains("private or loopback"), url);
        }
        assertTrue(refusal(open, "https://nowhere.invalid/").orElseThrow().contains("does not resolve"));
    }

    @Test
    void withAnAllowList_onlyListedHostsAreAllowed_andListingAllowsPrivateAddresses_butNeverMetadata() {
        WebhookTargets listed = targets("hooks.slack.com", "*.corp.example", "localhost", "rebind.example", "*.partner.example");
        assertEquals(Optional.empty(), refusal(listed, "https://hooks.slack.com/services/T/B/X"));
        assertEquals(Optional.empty(), refusal(listed, "https://api.partner.example/hook"));
        assertEquals(Optional.empty(), refusal(listed, "http://intranet.corp.example/hook"), "listed explicitly: private is fine");
        assertEquals(Optional.empty(), refusal(listed, "http://LOCALHOST:8081/hook"), "host names compare case-insensitively");
        assertEquals("the host 93.184.216.34 is not among the allowed webhook hosts (sitroom.webhooks.allowed-hosts)",
                refusal(listed, "https://93.184.216.34/hook").orElseThrow());
        assertTrue(refusal(listed, "https://partner.example/").orElseThrow().contains("not among"), "*.x matches below x, not x itself");
        assertTrue(refusal(listed, "https://evilcorp.example/").orElseThrow().contains("not among"));
        assertTrue(refusal(listed, "http://rebind.example/").orElseThrow().contains("never a webhook target"), "listing cannot allow metadata");
    }
}

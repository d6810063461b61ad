package io.sitroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Where webhooks may go, with and without an allow-list, against a fixed resolver. */
class WebhookTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.slack.com", "34.1.2.3",
            "api.partner.example", "93.184.216.34",
            "intranet.corp.example", "10.1.2.3",
            "rebind.example", "169.254.169.254",
            "mixed.example", "93.184.216.34,192.168.1.5",
            "nat64.example", "64:ff9b::a01:203",
            "localhost", "127.0.0.1");

    private static WebhookTargets targets(String... allowed) {
        return new WebhookTargets(allowed.length == 0 ? Optional.empty() : Optional.of(List.of(allowed)), host -> {
            String addresses = DNS.get(host);
            if (addresses == null) {
                if (host.matches("[0-9a-f:.]+") && (host.contains(":") || host.matches("[0-9.]+"))) {
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

    @Test
    void ipv6WithAnEmbeddedInternalIpv4_isRefused_asTheIpv4AddressWouldBe() {
        WebhookTargets open = targets();
        for (String url : List.of(
                "http://[::127.0.0.1]/", // IPv4-compatible
                "http://[0:0:0:0:0:0:7f00:1]/", // the same, spelled out
                "http://[::ffff:0:7f00:1]/", // IPv4-translated
                "http://[::ffff:7f00:1]/", // IPv4-mapped, hexadecimal
                "http://[64:ff9b::7f00:1]/", // NAT64
                "http://[64:ff9b::a00:5]/", // NAT64 to 10.0.0.5
                "http://[2002:7f00:1::1]/", // 6to4
                "http://[2002:c0a8:101::1]/", // 6to4 of 192.168.1.1
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", // Teredo, client 127.0.0.1 (inverted)
                "http://[2001:0:a00:5:8000:63bf:a2d2:b5c3]/", // Teredo, server 10.0.0.5
                "http://[64:ff9b:1::5]/", // NAT64 for local use
                "http://nat64.example/")) { // a name whose AAAA embeds 10.1.2.3
            assertTrue(refusal(open, url).orElseThrow(() -> new AssertionError(url + " passed")).contains("private or loopback"), url);
        }
        for (String url : List.of("http://[::a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/",
                "http://[2001:0:4136:e378:8000:63bf:5601:5601]/")) { // 169.254.169.254 in each; Teredo's client inverted
            assertTrue(refusal(open, url).orElseThrow(() -> new AssertionError(url + " passed")).contains("never a webhook target"), url);
        }
    }

    @Test
    void ipv6WithAnEmbeddedPublicIpv4_andIpv6OwnAddresses_areJudgedAsBefore() {
        WebhookTargets open = targets();
        assertEquals(Optional.empty(), refusal(open, "http://[64:ff9b::5db8:d822]/"), "NAT64 of 93.184.216.34");
        assertEquals(Optional.empty(), refusal(open, "http://[2002:5db8:d822::1]/"), "6to4 of 93.184.216.34");
        assertEquals(Optional.empty(), refusal(open, "http://[2001:0:4136:e378:8000:63bf:a247:27dd]/"), "Teredo, public server and client");
        assertEquals(Optional.empty(), refusal(open, "http://[2606:4700::1111]/"));
        assertTrue(refusal(open, "http://[::1]/").orElseThrow().contains("private or loopback"), "::1 is loopback, not 0.0.0.1");
        assertTrue(refusal(open, "http://[::]/").orElseThrow().contains("never a webhook target"));
        assertEquals(Optional.empty(), refusal(targets("::1"), "http://[::1]:8080/"), "listed loopback stays allowed");
    }

    @Test
    void refusals_nameTheHost_butNeverWhatItResolvedTo() {
        WebhookTargets open = targets();
        String internal = refusal(open, "http://intranet.corp.example/").orElseThrow();
        assertTrue(internal.startsWith("the host intranet.corp.example "), internal);
        assertFalse(internal.contains("10.1.2.3"), internal);
        String metadata = refusal(open, "http://rebind.example/").orElseThrow();
        assertFalse(metadata.contains("169.254"), metadata);
        String nat64 = refusal(open, "http://nat64.example/").orElseThrow();
        assertFalse(nat64.contains("64:ff9b") || nat64.contains("10.1.2.3"), nat64);
    }

    @Test
    void check_answersTheAddressItChecked_forTheRequestToBeSentThere() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets rebinding = new WebhookTargets(Optional.empty(), host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1") });
        WebhookTargets.Check check = rebinding.check(URI.create("https://hooks.example/x"));
        WebhookTargets.Allowed allowed = assertInstanceOf(WebhookTargets.Allowed.class, check);
        assertEquals("93.184.216.34", allowed.address().getHostAddress());
        assertEquals("hooks.example", allowed.host());
        assertEquals(1, lookups.get(), "resolved once");
    }
}

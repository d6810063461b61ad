package io.sitroom.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where outbound webhooks may go. A server that posts to URLs people register must not become a way
 * into the network it runs in (server-side request forgery): the host must be on the configured
 * allow-list ({@code sitroom.webhooks.allowed-hosts}) when there is one; every address the host
 * resolves to is checked: link-local addresses (169.254.0.0/16 with the cloud metadata service,
 * fe80::/10), unspecified, multicast and other non-unicast addresses are never allowed; loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10) addresses only for a host
 * listed by the allow-list. Checked when a webhook is added and again before each delivery (DNS may
 * have changed).
 */
@ApplicationScoped
public class WebhookTargets {

    /** Resolves a host name to its addresses; a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Optional<List<String>> allowedHosts;
    private final Resolver resolver;

    @Inject
    public WebhookTargets(WebhookConfig config) {
        this(config.allowedHosts(), InetAddress::getAllByName);
    }

    WebhookTargets(Optional<List<String>> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.map(list -> list.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList());
        this.resolver = resolver;
    }

    /** Why a URL may not receive webhooks, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the url has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean listed = allowedHosts.isPresent() && allowedHosts.get().stream().anyMatch(matches(host));
        if (allowedHosts.isPresent() && !listed) {
            return Optional.of("the host " + host + " is not among the allowed webhook hosts (sitroom.webhooks.allowed-hosts)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (neverAllowed(address)) {
                return Optional.of("the host " + host + " is on a link-local, metadata or non-unicast address (" + address.getHostAddress()
                        + "), never a webhook target");
            }
            if (!listed && internal(address)) {
                return Optional.of("the host " + host + " is on a private or loopback address (" + address.getHostAddress()
                        + "); list it in sitroom.webhooks.allowed-hosts to allow it");
            }
        }
        return Optional.empty();
    }

    private static java.util.function.Predicate<String> matches(String host) {
        return pattern -> pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
                : pattern.equals(host);
    }

    private static boolean neverAllowed(InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && b.length == 16) {
            // fd00:ec2::254, the AWS metadata service over IPv6
            return (b[0] & 0xff) == 0xfd && (b[1] & 0xff) == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2;
        }
        // 0.0.0.0/8 and 255.255.255.255
        return b.length == 4 && ((b[0] & 0xff) == 0 || ((b[0] & b[1] & b[2] & b[3]) & 0xff) == 0xff);
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
        }
        return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
}

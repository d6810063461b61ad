package io.sitroom.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Where outbound webhooks may go. A server that posts to URLs people register must not become a way
 * into the network it runs in (server-side request forgery): the host must be on the configured
 * allow-list ({@code sitroom.webhooks.allowed-hosts}) when there is one; every address the host
 * resolves to is checked, and so is the IPv4 address an IPv6 address carries (IPv4-compatible
 * {@code ::/96}, IPv4-mapped {@code ::ffff:0:0/96}, IPv4-translated {@code ::ffff:0:0:0/96}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}: its server and its client,
 * whose address is the last 32 bits inverted): link-local addresses (169.254.0.0/16 with the cloud
 * metadata service, fe80::/10), unspecified, multicast and other non-unicast addresses are never
 * allowed; loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7, local-use NAT64 64:ff9b:1::/48),
 * carrier-grade NAT (100.64/10) addresses only for a host listed by the allow-list.
 * <p>
 * {@link #check} resolves once and answers the address that was checked: the request is sent to
 * that address ({@link WebhookSender}), so what the name resolves to later (DNS rebinding) does not
 * matter. A refusal names the host, never what it resolved to (which would map internal DNS for
 * anyone who may add a webhook); the operator's log has the addresses at DEBUG.
 */
@ApplicationScoped
public class WebhookTargets {

    private static final Logger LOG = Logger.getLogger(WebhookTargets.class);

    /** Resolves a host name to its addresses; a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What a check found: a target to send to, or why not. */
    public sealed interface Check permits Allowed, Refused {
    }

    /** Send to {@code address}, with {@code host} as the Host header and TLS server name. */
    public record Allowed(String host, InetAddress address) implements Check {
    }

    public record Refused(String reason) implements Check {
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
        return check(url) instanceof Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    /** Resolves the URL's host once and checks every address; answers the one to connect to, or why none. */
    public Check check(URI url) {
        String host = url.getHost();
        if (host == null) {
            return new Refused("the url has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean listed = allowedHosts.isPresent() && allowedHosts.get().stream().anyMatch(matches(host));
        if (allowedHosts.isPresent() && !listed) {
            return new Refused("the host " + host + " is not among the allowed webhook hosts (sitroom.webhooks.allowed-hosts)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Refused("the host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            return new Refused("the host " + host + " does not resolve");
        }
        for (InetAddress resolved : addresses) {
            for (InetAddress address : withEmbedded(resolved)) {
                if (neverAllowed(address)) {
                    LOG.debugf("webhook host %s refused: it resolves to %s", host, resolved.getHostAddress());
                    return new Refused("the host " + host + " is on a link-local, metadata or non-unicast address, never a webhook target");
                }
                if (!listed && internal(address)) {
                    LOG.debugf("webhook host %s refused: it resolves to %s", host, resolved.getHostAddress());
                    return new Refused("the host " + host
                            + " is on a private or loopback address; list it in sitroom.webhooks.allowed-hosts to allow it");
                }
            }
        }
        return new Allowed(url.getHost(), addresses[0]);
    }

    private static Predicate<String> matches(String host) {
        return pattern -> pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
                : pattern.equals(host);
    }

    /**
     * The address and every IPv4 address it carries: an IPv6 address that embeds an IPv4 one reaches
     * that IPv4 host (through the kernel, a NAT64 gateway or a tunnel), so both are checked.
     */
    static List<InetAddress> withEmbedded(InetAddress address) {
        List<InetAddress> all = new ArrayList<>(3);
        all.add(address);
        byte[] b = address.getAddress();
        if (!(address instanceof Inet6Address) || b.length != 16) {
            return all;
        }
        if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] & 0xfe) == 0)) {
            all.add(v4(b, 12, false)); // ::a.b.c.d, IPv4-compatible (:: and ::1 are IPv6's own)
        } else if (zero(b, 0, 10) && ff(b, 10, 12)) {
            all.add(v4(b, 12, false)); // ::ffff:a.b.c.d, IPv4-mapped
        } else if (zero(b, 0, 8) && ff(b, 8, 10) && zero(b, 10, 12)) {
            all.add(v4(b, 12, false)); // ::ffff:0:a.b.c.d, IPv4-translated
        } else if (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b && zero(b, 4, 12)) {
            all.add(v4(b, 12, false)); // 64:ff9b::a.b.c.d, NAT64
        } else if (u16(b, 0) == 0x2002) {
            all.add(v4(b, 2, false)); // 2002:aabb:ccdd::/48, 6to4
        } else if (u16(b, 0) == 0x2001 && u16(b, 2) == 0x0000) {
            all.add(v4(b, 4, false)); // Teredo: the server
            all.add(v4(b, 12, true)); // Teredo: the client, its address inverted
        }
        return all;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean ff(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xff) != 0xff) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static InetAddress v4(byte[] b, int at, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~b[at + i] : b[at + i]);
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
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
        return address instanceof Inet4Address && ((b[0] & 0xff) == 0 || ((b[0] & b[1] & b[2] & b[3]) & 0xff) == 0xff);
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
        }
        // fc00::/7, unique local; 64:ff9b:1::/48, NAT64 for local use (RFC 8215)
        return (b[0] & 0xfe) == 0xfc || (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b && u16(b, 4) == 0x0001);
    }
}

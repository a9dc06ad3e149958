package vn.gov.eid.identity.rest;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.gov.eid.identity.config.IdentityConfig;

/**
 * Who is calling, as the login limits count it: the TCP peer, or, when the peer is a configured trusted proxy, the
 * nearest address in X-Forwarded-For that is not one of ours (read from the right: entries further left were written
 * by the client and prove nothing). IPv6 clients are counted by their /64, which one subscriber usually holds whole.
 */
@ApplicationScoped
public class ClientAddresses {

    /** Longest X-Forwarded-For considered; longer ones are not believed at all. */
    static final int MAX_FORWARDED_LENGTH = 1024;

    private final List<IPAddress> trustedProxies;

    @Inject
    public ClientAddresses(IdentityConfig config) {
        this(config.login().trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .filter(s -> !s.isBlank())
                .map(s -> parse(s.strip()))
                .toList();
    }

    /** The key the limits count this request under, e.g. {@code 203.0.113.7} or {@code 2001:db8:1:2::/64}. */
    public String of(HttpServerRequest request) {
        String peer =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return key(peer, request.getHeader("X-Forwarded-For"));
    }

    String key(String peer, String forwardedFor) {
        IPAddress client = address(peer);
        if (client == null) {
            return "unknown";
        }
        if (forwardedFor != null && forwardedFor.length() <= MAX_FORWARDED_LENGTH && trusted(client)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                IPAddress hop = address(hops[i].strip());
                if (hop == null) {
                    // only a trusted proxy wrote what lies right of here, and it wrote nothing readable: keep its peer
                    break;
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return prefix(client);
    }

    private boolean trusted(IPAddress address) {
        return trustedProxies.stream().anyMatch(p -> p.contains(address));
    }

    private static String prefix(IPAddress address) {
        if (address.isIPv4Convertible()) {
            return address.toIPv4().toCanonicalString();
        }
        if (address.isIPv6()) {
            return address.toPrefixBlock(64).toCanonicalString();
        }
        return address.toCanonicalString();
    }

    /** The address, or null for anything that is not a plain IPv4 or IPv6 address (an empty string included). */
    private static IPAddress address(String s) {
        if (s == null || s.isBlank() || s.length() > 64) {
            return null;
        }
        IPAddressString parsed = new IPAddressString(s);
        if (!parsed.isIPAddress() || parsed.isPrefixed()) {
            return null;
        }
        IPAddress a = parsed.getAddress();
        return a != null && a.isIPv4Convertible() ? a.toIPv4() : a;
    }

    private static IPAddress parse(String cidr) {
        IPAddress a = new IPAddressString(cidr).getAddress();
        if (a == null || new IPAddressString(cidr).isEmpty()) {
            throw new IllegalArgumentException(
                    "eid.identity.login.trusted-proxies: not an address or CIDR range: " + cidr);
        }
        return a.isIPv4Convertible() && !cidr.contains(":") ? a.toIPv4() : a;
    }
}

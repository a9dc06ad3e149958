package vn.gov.eid.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a login is counted under: forged X-Forwarded-For entries must not let a client pick its own. */
class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("198.51.100.7", direct.key("198.51.100.7", "203.0.113.1"));
        assertEquals("198.51.100.7", direct.key("198.51.100.7", null));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("198.51.100.7", behindProxies.key("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        // the client wrote "1.1.1.1" itself; our proxies appended what they saw
        assertEquals("203.0.113.9", behindProxies.key("10.0.0.2", "1.1.1.1, 203.0.113.9"));
        assertEquals("203.0.113.9", behindProxies.key("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.1.1.1"));
        // every hop ours: the leftmost one is as far as we can see
        assertEquals("10.9.9.9", behindProxies.key("10.0.0.2", "10.9.9.9, 10.1.1.1"));
    }

    @Test
    void garbageNextToOurProxyKeepsTheProxysPeerAndAnOverlongHeaderIsIgnored() {
        assertEquals("10.0.0.2", behindProxies.key("10.0.0.2", "203.0.113.9, not-an-address"));
        assertEquals("10.0.0.2", behindProxies.key("10.0.0.2", ""));
        assertEquals("10.0.0.2", behindProxies.key("10.0.0.2", "203.0.113.9/8"));
        String huge = "203.0.113.9, ".repeat(200) + "203.0.113.9";
        assertEquals("10.0.0.2", behindProxies.key("10.0.0.2", huge));
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64AndMappedIpv4AsIpv4() {
        assertEquals("2001:db8:1:2::/64", direct.key("2001:db8:1:2:aaaa::1", null));
        assertEquals(direct.key("2001:db8:1:2::5", null), direct.key("2001:db8:1:2:ffff:ffff:ffff:ffff", null));
        assertEquals("192.0.2.4", direct.key("::ffff:192.0.2.4", null));
        assertEquals("2001:db8:1:2::/64", behindProxies.key("2001:db8:ffff::1", "2001:db8:1:2::77"));
    }

    @Test
    void noPeerIsUnknownAndBadProxySettingsStopTheStart() {
        assertEquals("unknown", direct.key(null, "203.0.113.1"));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.example")));
    }
}

package org.ndoo.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.delivery.AllowedDomains;

/**
 * proxy-header sign-in believes the proxy's header only from a trusted peer (an address or a CIDR range, IPv4 or
 * IPv6), only for one plain address in an allowed domain, and never in email-link mode.
 */
class WebIdentityTest {

    private static final AllowedDomains NHS = new AllowedDomains("nhs.net");

    private static WebIdentity identity(String trusted) {
        return new WebIdentity("proxy-header", "X-Forwarded-Email", TrustedProxies.parse(trusted), NHS);
    }

    @Test
    void aTrustedPeerIsBelievedAndTheAddressNormalised() {
        assertEquals("Staff.Member@nhs.net", identity("10.0.0.5").address(" Staff.Member@NHS.Net ", "10.0.0.5"));
    }

    @Test
    void anUntrustedPeerIsNot() {
        WebIdentity identity = identity("10.0.0.5");
        assertNull(identity.address("staff@nhs.net", "10.0.0.6"));
        assertNull(identity.address("staff@nhs.net", null));
        assertNull(identity.address("staff@nhs.net", "not-an-address"));
        assertNull(identity.address("staff@nhs.net", "10.0.0.5:443"), "an address with a port is not the peer's IP");
    }

    @Test
    void noTrustedProxyTrustsNobody() {
        assertNull(identity("").address("staff@nhs.net", "127.0.0.1"));
    }

    @Test
    void aCidrRangeTrustsItsAddressesOnly() {
        WebIdentity identity = identity("10.1.0.0/16, 192.168.4.0/23");
        assertEquals("staff@nhs.net", identity.address("staff@nhs.net", "10.1.255.254"));
        assertEquals("staff@nhs.net", identity.address("staff@nhs.net", "192.168.5.1"));
        assertNull(identity.address("staff@nhs.net", "10.2.0.1"));
        assertNull(identity.address("staff@nhs.net", "192.168.6.1"));
        assertEquals("staff@nhs.net", identity.address("staff@nhs.net", "::ffff:10.1.0.7"), "IPv4-mapped");
    }

    @Test
    void ipv6LoopbackIsMatchedInAnyWriting() {
        WebIdentity identity = identity("::1, fd00:abcd::/32");
        assertEquals("staff@nhs.net", identity.address("staff@nhs.net", "0:0:0:0:0:0:0:1"));
        assertEquals("staff@nhs.net", identity.address("staff@nhs.net", "[::1]"));
        assertEquals("staff@nhs.net", identity.address("staff@nhs.net", "fd00:abcd:0:1::9"));
        assertNull(identity.address("staff@nhs.net", "127.0.0.1"), "IPv4 loopback is another address");
        assertNull(identity.address("staff@nhs.net", "fd00:abce::1"));
    }

    @Test
    void anAddressOutsideTheAllowedDomainsIsRefused() {
        WebIdentity identity = identity("10.0.0.5");
        assertNull(identity.address("staff@gmail.com", "10.0.0.5"));
        assertNull(identity.address("staff@mail.nhs.net", "10.0.0.5"));
    }

    @Test
    void twoAddressesOrADisplayNameInTheHeaderAreRefused() {
        WebIdentity identity = identity("10.0.0.5");
        assertNull(identity.address("staff@nhs.net, other@nhs.net", "10.0.0.5"));
        assertNull(identity.address("staff@nhs.net other@nhs.net", "10.0.0.5"));
        assertNull(identity.address("Staff Member <staff@nhs.net>", "10.0.0.5"));
        assertNull(identity.address("", "10.0.0.5"));
        assertNull(identity.address(null, "10.0.0.5"));
    }

    @Test
    void inEmailLinkModeNoHeaderIsBelieved() {
        WebIdentity identity = new WebIdentity("email-link", "X-Forwarded-Email", TrustedProxies.parse("10.0.0.5"), NHS);
        assertNull(identity.address("staff@nhs.net", "10.0.0.5"));
    }
}

package org.ndoo.gateway.web;

import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.delivery.MailAddresses;

/**
 * Who a request comes from when {@code gateway.web.auth=proxy-header} (single sign-on behind an authenticating
 * reverse proxy): the address in the proxy's header ({@code gateway.web.proxy-header}), believed only when the
 * request's peer is a trusted proxy ({@code gateway.web.trusted-proxies}) and only when it is one plain address in
 * {@code gateway.mail.allowed-domains}. In any other mode no header is ever believed.
 */
public final class WebIdentity {

    public static final String PROXY_HEADER = "proxy-header";

    private final boolean proxyHeader;
    private final String header;
    private final TrustedProxies proxies;
    private final AllowedDomains allowedDomains;

    public WebIdentity(String auth, String header, TrustedProxies proxies, AllowedDomains allowedDomains) {
        this.proxyHeader = PROXY_HEADER.equals(auth == null ? "" : auth.strip());
        this.header = header;
        this.proxies = proxies;
        this.allowedDomains = allowedDomains;
    }

    /** The header the proxy names the signed-in person in (default {@code X-Forwarded-Email}). */
    public String header() {
        return header;
    }

    /**
     * The normalised address in {@code headerValue} (the domain in lower case), when {@code peerAddress} (the
     * connection's IP address) is a trusted proxy and the address is one plain address in an allowed domain; null
     * otherwise (not proxy-header mode, an untrusted peer, no header, several addresses, a display name...).
     */
    public String address(String headerValue, String peerAddress) {
        if (!proxyHeader || headerValue == null || !proxies.trusts(peerAddress)) {
            return null;
        }
        String address = MailAddresses.normalise(headerValue.strip());
        return address != null && allowedDomains.allows(address) ? address : null;
    }
}

package org.ndoo.gateway.web;

/**
 * Who a request comes from when {@code gateway.web.auth=proxy-header}: the address in the proxy's header, taken only
 * from a trusted proxy. This minimal version trusts no proxy (it always answers null, so proxy-header sign-in
 * refuses everyone); the full one, with {@code gateway.web.trusted-proxies}, replaces it.
 */
public final class WebIdentity {

    /** The signed-in address vouched for in {@code header} by the peer {@code peer}; null when not trusted. */
    public String address(String header, String peer) {
        return null;
    }
}

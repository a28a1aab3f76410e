package org.ndoo.gateway.lookup;

import org.ndoo.gateway.settings.Secrets;

/** The HTTP lookup's bearer token ({@code gateway.lookup.http.token} or {@code gateway.lookup.http.token-file}). */
public final class BearerToken {

    private final String token;

    public BearerToken(String value, String file) {
        this.token = Secrets.resolve(value, file);
    }

    /** The {@code Authorization} header value, or {@code null} (no header) when no token is configured. */
    public String header() {
        return token.isEmpty() ? null : "Bearer " + token;
    }

    @Override
    public String toString() {
        return token.isEmpty() ? "no token" : "a token (hidden)";
    }
}

package org.ndoo.gateway.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With gateway.web.auth=proxy-header, an address in the proxy header from a peer that is not a trusted proxy (here:
 * none is trusted) signs nobody in: / is refused, the pages send back to /, and no session cookie is set.
 */
class ProxyHeaderFromAnUntrustedPeerIsRefusedTest extends WebTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.web.auth", "proxy-header");
    }

    @Test
    void theHeaderAloneIsNotEnough() {
        HttpResponse<String> root = asProxy("/");
        assertEquals(403, root.statusCode());
        assertFalse(root.body().contains("name=\"email\""), "no email form behind single sign-on");
        HttpResponse<String> check = asProxy("/check");
        assertEquals(303, check.statusCode());
        assertEquals("/", check.headers().firstValue("Location").orElse(""));
        assertFalse(check.headers().firstValue("Set-Cookie").isPresent(), "no session");
    }

    private HttpResponse<String> asProxy(String path) {
        return send(HttpRequest.newBuilder(URI.create(web() + path)).timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-Email", SUBMITTER).GET().build());
    }
}

package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;

/**
 * The operators' status page is served by the management server (gateway.observe.*, beside health and metrics),
 * as HTML with {@code Cache-Control: no-store} and none of the request's headers echoed; the management server's
 * root leads to it. The web front door (gateway.web.*, the staff's server) has no status page.
 */
class StatusPageIsOnTheManagementServerOnlyTest extends GatewayTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theStatusPageIsOnTheManagementServerAndNotOnTheFrontDoor() throws Exception {
        HttpResponse<String> page = get(statusUrl());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(page.headers().map().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("X-Probe")),
                "a request header echoed: " + page.headers());
        assertTrue(page.body().contains("id=\"dependencies\""), page.body());

        HttpResponse<String> root = get(statusUrl().replace("/status", "/"));
        assertEquals(302, root.statusCode());
        assertEquals("/status", root.headers().firstValue("Location").orElse(""));

        assertEquals(404, get(webUrl() + "status").statusCode(), "no status page on the web front door");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("X-Probe", "echo-me").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

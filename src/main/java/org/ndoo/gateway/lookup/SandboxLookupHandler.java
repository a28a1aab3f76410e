package org.ndoo.gateway.lookup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves a {@link SandboxRegistry} with the gateway's HTTP lookup contract: {@code POST}, {@code text/plain} body of
 * NHS numbers one per line, answer {@code 200 text/plain} with the ones that may be used. A bearer token is required
 * when one is configured.
 */
public final class SandboxLookupHandler implements HttpHandler {

    private final SandboxRegistry registry;
    private final String token;

    public SandboxLookupHandler(SandboxRegistry registry, String token) {
        this.registry = registry;
        this.token = token == null || token.isBlank() ? null : token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "Use POST\n");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase().startsWith("text/plain")) {
                reply(exchange, 415, "Send text/plain\n");
                return;
            }
            if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "Missing or wrong bearer token\n");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(exchange, 200, registry.answer(body));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

package org.ndoo.gateway.web;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The headers of every front-door answer, in one place: none of the request's headers goes back (they are all
 * removed), then the security headers, and what the route chose in its variables: {@code status} (default 200),
 * {@code location} (a redirect), {@code cookie} (Set-Cookie) and {@code contentType} (default HTML).
 */
public final class WebResponse {

    /** The Content-Security-Policy of every answer: nothing but the service's own files, never framed. */
    public static final String CSP = "default-src 'self'; frame-ancestors 'none'";

    public void headers(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("Content-Type", variable(exchange, "contentType", "text/html; charset=utf-8"));
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("Content-Security-Policy", CSP);
        message.setHeader("X-Frame-Options", "DENY");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, Integer.valueOf(variable(exchange, "status", "200")));
        String location = variable(exchange, "location", null);
        if (location != null) {
            message.setHeader("Location", location);
        }
        String cookie = variable(exchange, "cookie", null);
        if (cookie != null) {
            message.setHeader("Set-Cookie", cookie);
        }
        if (message.getBody() == null) {
            message.setBody("");
        }
    }

    private static String variable(Exchange exchange, String name, String otherwise) {
        Object value = exchange.getVariable(name);
        return value == null ? otherwise : value.toString();
    }
}

package org.ndoo.gateway.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer of the front door, page, redirect, refusal or stylesheet, carries no-store, the CSP without inline
 * script, DENY framing, nosniff and no-referrer; and no request header is echoed back.
 */
class EveryFrontDoorPageHasTheSecurityHeadersTest extends WebTestSupport {

    private static final Map<String, String> HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    @Test
    void everyAnswerHasTheHeaders() {
        String cookie = signIn(SUBMITTER);
        String csrf = csrf(get("/check", cookie).body());
        List<HttpResponse<String>> answers = List.of(
                get("/", null), get("/", cookie), get("/check", null), get("/check", cookie),
                get("/checks", cookie), get("/checks/NDOO-20250101-000000-AAAAA", cookie),
                get("/assets/nhs.css", null), get("/assets/missing.css", null),
                askForLink(SUBMITTER), askForLink("x@example.com"), follow(web() + "/sign-in/forged"),
                postMultipart("/check", cookie, Map.of("numbers", "9990001006"), null, null),
                postMultipart("/check", cookie, Map.of("csrf", csrf), null, null),
                echo());
        for (HttpResponse<String> answer : answers) {
            String what = answer.request().method() + " " + answer.uri().getPath() + " " + answer.statusCode();
            HEADERS.forEach((name, value) -> assertEquals(value, answer.headers().firstValue(name).orElse(null),
                    what + ": " + name));
            assertFalse(answer.headers().firstValue("X-Echo-Me").isPresent(), what + " echoes a request header");
            assertTrue(answer.body().isEmpty() || !answer.body().contains("<script>"), what + ": inline script");
        }
        assertEquals("text/css; charset=utf-8", get("/assets/nhs.css", null).headers().firstValue("Content-Type")
                .orElse(""));
    }

    private HttpResponse<String> echo() {
        return send(HttpRequest.newBuilder(URI.create(web() + "/")).timeout(Duration.ofSeconds(10))
                .header("X-Echo-Me", "yes").header("Location", "/elsewhere").GET().build());
    }
}

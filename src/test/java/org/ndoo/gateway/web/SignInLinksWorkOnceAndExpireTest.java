package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sign-in link starts one session, once, within its lifetime; a reused, expired or forged link is refused with a
 * clear page and no session; the session's cookie is HttpOnly and SameSite=Strict and lets the person in.
 */
class SignInLinksWorkOnceAndExpireTest extends WebTestSupport {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("webClock", new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
    }

    @Test
    void aLinkWorksOnceAndNotAfterItsMinutes() {
        askForLink(SUBMITTER);
        String link = linkInMail(1);
        HttpResponse<String> first = follow(link);
        assertEquals(303, first.statusCode());
        assertEquals("/check", first.headers().firstValue("Location").orElse(""));
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertEquals(200, get("/check", cookieOf(first)).statusCode(), "the session lets the person in");

        HttpResponse<String> again = follow(link);
        assertRefused(again);

        HttpResponse<String> forged = follow(link.substring(0, link.length() - 4) + "AAAA");
        assertRefused(forged);
        assertRefused(follow(web() + "/sign-in/not-a-token"));

        askForLink(SUBMITTER);
        String late = linkInMail(2);
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertRefused(follow(late));
        assertEquals(200, get("/check", cookieOf(first)).statusCode(), "the 60-minute session has not ended yet");
        now.set(now.get().plus(Duration.ofMinutes(60)));
        assertEquals("/", get("/check", cookieOf(first)).headers().firstValue("Location").orElse(""),
                "an ended session is sent back to sign in");
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertEquals(403, answer.statusCode());
        assertNull(cookieOf(answer), "no session");
        assertTrue(answer.body().contains("This sign-in link cannot be used"), answer.body());
        assertNotNull(answer.headers().firstValue("Cache-Control").orElse(null));
    }
}

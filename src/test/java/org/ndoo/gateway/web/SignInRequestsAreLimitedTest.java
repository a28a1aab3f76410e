package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in links are limited per address and per client (here 3 per window): a request over the limit gets the same
 * page and no email, and is audited as limited.
 */
class SignInRequestsAreLimitedTest extends WebTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.web.sign-in-limit", "3");
    }

    @Test
    void theFourthRequestSendsNothing() {
        String page = askForLink(SUBMITTER).body();
        askForLink(SUBMITTER);
        askForLink(SUBMITTER);
        awaitMails(3);
        HttpResponse<String> over = askForLink(SUBMITTER);
        assertEquals(page, over.body(), "the same words over the limit");
        // the client is over its limit too: another address from it gets nothing either
        askForLink("colleague@nhs.net");
        Await.until("both limited requests audited", java.time.Duration.ofSeconds(10),
                () -> auditRecords().stream().filter(r -> r.contains("\"sign-in-limited\"")).count() == 2);
        assertEquals(3, MAIL.getReceivedMessages().length, "no email over the limit");
        assertTrue(auditRecords().stream().filter(r -> r.contains("\"sign-in-link-sent\"")).count() == 3);
    }
}

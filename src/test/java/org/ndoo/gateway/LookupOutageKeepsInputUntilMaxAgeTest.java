package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the lookup keeps failing the input stays in the inbox and is tried again with back-off; after the maximum
 * age the submitter is told and the input deleted.
 */
class LookupOutageKeepsInputUntilMaxAgeTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
        properties.setProperty("gateway.retry.max-age", "3s");
    }

    @Test
    void inputStaysThenFailureNotice() throws Exception {
        lookup.failNext(503, 1000);
        Path input = drop("outage.csv", lines(SyntheticNhsNumbers.valid(1200, 8)));

        Await.until("a second submission attempt", Duration.ofSeconds(20), () -> lookup.requests().size() >= 4);
        assertTrue(Files.exists(input), "the input stays while the lookup is down");
        assertEquals(0, MAIL.getReceivedMessages().length, "no notice before the maximum age");

        MimeMessage notice = awaitMail();
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(Mails.text(notice).contains("unavailable for longer than the gateway waits (3s)"), Mails.text(notice));
        awaitCleanedUp(input);
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"gave-up\""), auditRecords().get(0));
    }
}

package org.ndoo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file named after a patient ({@code clinic 9990000018.csv}, and the same number written {@code 999 000 0018}) while
 * the lookup is down: every log line of the attempt (the gateway's own and Camel's rollback WARN, which quotes the
 * path) and every header of the result email show the number masked; only the attachment's name keeps it, as the
 * {@code <original-base-name>-permitted.csv} contract says.
 */
class NhsNumberInANameIsMaskedOutsideTheAttachmentTest extends GatewayTestSupport {

    private static final String NUMBER = "9990000018";
    private static final String SPACED = SyntheticNhsNumbers.spaced(NUMBER);

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
    }

    @Test
    void logLinesAndHeadersShowTheNumberMaskedAndTheAttachmentKeepsIt() throws Exception {
        lookup.stop();
        long mark = logMark();
        List<String> numbers = SyntheticNhsNumbers.valid(20_000, 5);
        Path input = drop("clinic " + NUMBER + " and " + SPACED + ".csv", lines(numbers));
        Await.until("Camel's rollback WARN for the postponed file", Duration.ofSeconds(30), () -> logLinesSince(mark)
                .stream().anyMatch(l -> l.contains(" WARN ") && l.contains("clinic ") && l.contains("Rollback")));
        lookup.restart();

        MimeMessage mail = awaitMail();
        awaitCleanedUp(input);
        List<String> log = logLinesSince(mark);
        assertTrue(log.stream().anyMatch(l -> l.contains("clinic ######### and #########.csv")),
                "the name is logged, masked");
        for (String line : log) {
            assertFalse(line.contains(NUMBER) || line.contains(SPACED), "a log line shows the number: " + line);
        }

        assertEquals("NDOO check result: clinic ######### and #########.csv", mail.getSubject().replaceAll(" \\(NDOO-.*", ""));
        for (Header header : Collections.list(mail.getAllHeaders())) {
            assertFalse(header.getValue().contains(NUMBER) || header.getValue().contains(SPACED),
                    "header " + header.getName() + " shows the number");
        }
        String body = Mails.text(mail);
        assertTrue(body.contains("check of clinic ######### and #########.csv is done"), body);
        assertFalse(body.contains(NUMBER) || body.contains(SPACED), "the email's text shows the number: " + body);
        assertEquals("clinic " + NUMBER + " and " + SPACED + "-permitted.csv", Mails.attachment(mail).fileName());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertTrue(auditRecords().get(0).contains("\"file\":\"clinic ######### and #########.csv\""),
                auditRecords().get(0));
    }
}

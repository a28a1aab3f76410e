package org.ndoo.gateway;

import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lookup that stalls past the timeout or drops the connection half-way through its answer is asked again, and the
 * result is exact; one that answers garbage fails the submission with a notice, never a wrong result.
 */
class LookupServerFaultsTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.lookup.http.response-timeout", "700");
    }

    @Test
    void stallPastTheTimeoutIsRetried() throws Exception {
        lookup.stallNext(1, 3000);
        assertExactResultAfterRetry("stalled.csv", 9000);
    }

    @Test
    void answerCutOffMidBodyIsRetried() throws Exception {
        lookup.cutOffNext();
        assertExactResultAfterRetry("cut-off.csv", 9100);
    }

    @Test
    void garbageAnswerFailsTheSubmission() throws Exception {
        lookup.answerNextWith("<html><body>Service Unavailable</body></html>\n");
        drop("garbage.csv", lines(SyntheticNhsNumbers.valid(9200, 6)));

        MimeMessage notice = awaitMail();
        assertTrue(Mails.text(notice).contains("answer the gateway cannot trust"), Mails.text(notice));
        assertFalse(Mails.hasAttachment(notice), "never a result built from a bad answer");
        assertEquals(1, lookup.requests().size());
    }

    private void assertExactResultAfterRetry(String file, int from) throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(from, 20);
        drop(file, lines(numbers));

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(2, lookup.requests().size(), "the failed request, then the one that counted");
    }
}

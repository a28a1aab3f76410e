package org.ndoo.gateway;

import java.nio.file.Path;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lookup answering 400 is not retried: the submitter gets a failure notice and the input is deleted. */
class LookupRefusalEndsInFailureNoticeTest extends GatewayTestSupport {

    @Test
    void badRequestIsNotRetried() throws Exception {
        lookup.failNext(400, 1);
        Path input = drop("refused.csv", lines(SyntheticNhsNumbers.valid(600, 10)));

        MimeMessage notice = awaitMail();
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(notice.getSubject().startsWith("NDOO check failed: refused.csv"), notice.getSubject());
        assertTrue(Mails.text(notice).contains("refused the request (HTTP 400)"), Mails.text(notice));
        assertFalse(Mails.hasAttachment(notice), "a failure notice carries no result");
        awaitCleanedUp(input);
        assertEquals(1, lookup.requests().size(), "400 is not retried");
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"failed\""), auditRecords().get(0));
    }
}

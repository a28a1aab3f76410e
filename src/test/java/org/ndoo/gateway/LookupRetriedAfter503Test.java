package org.ndoo.gateway;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lookup that answers 503 twice and then 200 costs two retries, not the submission. */
class LookupRetriedAfter503Test extends GatewayTestSupport {

    @Test
    void resultIsDeliveredAfterTwoRetries() throws Exception {
        lookup.failNext(503, 2);
        List<String> numbers = SyntheticNhsNumbers.valid(500, 15);
        drop("retry.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(3, lookup.requests().size(), "two 503 answers, then the one that counted");
    }
}

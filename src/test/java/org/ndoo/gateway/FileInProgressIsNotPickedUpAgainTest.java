package org.ndoo.gateway;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A file whose submission is still running (its lookup held for 3 s, 30 polls) is never picked up a second time. */
class FileInProgressIsNotPickedUpAgainTest extends GatewayTestSupport {

    @Test
    void oneSubmissionPerFileAtATime() throws Exception {
        lookup.stallNext(1, 3000);
        List<String> numbers = SyntheticNhsNumbers.valid(11_000, 10);
        java.nio.file.Path input = drop("held.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(1, lookup.requests().size(), "the file was read and checked once");
        awaitCleanedUp(input);
        assertEquals(1, auditRecords().size());
    }
}

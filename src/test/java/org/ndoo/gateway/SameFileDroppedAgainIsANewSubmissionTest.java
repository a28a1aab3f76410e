package org.ndoo.gateway;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The same file dropped again after its result is a new submission, with a new reference and its own result. */
class SameFileDroppedAgainIsANewSubmissionTest extends GatewayTestSupport {

    @Test
    void secondDropGetsItsOwnResult() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(9500, 10);
        awaitCleanedUp(dropAndAnswer(numbers));
        MimeMessage first = MAIL.getReceivedMessages()[0];

        dropAndAnswer(numbers);
        MimeMessage second = awaitMails(2)[1];

        assertNotEquals(reference(first), reference(second));
        assertSameNumbers(Mails.attachment(first).numbers(), Mails.attachment(second).numbers());
        assertEquals(2, lookup.requests().size(), "each drop is checked on its own");
    }

    private static java.nio.file.Path dropAndAnswer(List<String> numbers) {
        java.nio.file.Path input = drop("weekly.csv", lines(numbers));
        awaitMails(MAIL.getReceivedMessages().length + 1);
        return input;
    }

    private static String reference(MimeMessage mail) throws Exception {
        String subject = mail.getSubject();
        return subject.substring(subject.lastIndexOf('(') + 1, subject.length() - 1);
    }
}

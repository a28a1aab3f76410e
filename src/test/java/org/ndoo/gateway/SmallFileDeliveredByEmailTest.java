package org.ndoo.gateway;

import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.LookupServer;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small list dropped into a submitter folder comes back by email as the permitted numbers, and nothing stays. */
class SmallFileDeliveredByEmailTest extends GatewayTestSupport {

    @Test
    void resultIsMailedToTheSubmitterAndEverythingIsDeleted() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(0, 40);
        List<String> expected = SyntheticNhsNumbers.permitted(numbers);
        Path input = drop("clinic-list.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        assertEquals(SUBMITTER, Mails.to(mail));
        assertTrue(mail.getSubject().contains("clinic-list.csv"), mail.getSubject());
        assertTrue(mail.getSubject().matches(".*\\(NDOO-\\d{8}-\\d{6}-[A-Z0-9]{5}\\)"), mail.getSubject());

        Mails.Attachment attachment = Mails.attachment(mail);
        assertEquals("clinic-list-permitted.csv", attachment.fileName());
        assertTrue(attachment.contentType().startsWith("text/csv"), attachment.contentType());
        assertSameNumbers(expected, attachment.numbers());
        assertTrue(expected.size() < numbers.size(), "the test register should withhold some of these numbers");

        String text = Mails.text(mail);
        assertEquals(40, Mails.count(mail, "Rows read"));
        assertEquals(40, Mails.count(mail, "Checked"));
        assertEquals(expected.size(), Mails.count(mail, "Permitted (in the attachment)"));
        assertEquals(numbers.size() - expected.size(), Mails.count(mail, "Withheld"));
        assertTrue(text.contains("Do not keep any record of which patients were withheld or opted out"), text);

        awaitCleanedUp(input);
        List<String> audit = auditRecords();
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains("\"outcome\":\"delivered\""), audit.get(0));
        assertTrue(numbers.stream().noneMatch(audit.get(0)::contains), "no NHS number in the audit record");

        LookupServer.Request request = lookup.requests().get(0);
        assertEquals("text/plain; charset=UTF-8", request.contentType());
        assertEquals("Bearer " + LOOKUP_TOKEN, request.authorization());
        assertEquals(40, request.lines());
        assertFalse(Mails.text(mail).contains(numbers.get(0)), "no NHS number in the email text");
    }
}

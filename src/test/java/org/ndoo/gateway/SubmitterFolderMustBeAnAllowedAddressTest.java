package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file in a folder that is not one address in an allowed domain is never processed or answered to that folder:
 * the operator is told, the file is deleted unread, and an audit record is written.
 */
class SubmitterFolderMustBeAnAllowedAddressTest extends GatewayTestSupport {

    @Test
    void outsideDomainGoesToTheOperatorOnly() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(900, 5);
        Path input = drop("someone@gmail.com", "list.csv", lines(numbers).getBytes(StandardCharsets.UTF_8));

        MimeMessage notice = awaitMail();
        assertEquals(List.of(OPERATOR), Mails.recipients(notice));
        String text = Mails.text(notice);
        assertTrue(text.contains("'someone@gmail.com' is not in an allowed domain (nhs.net)"), text);
        assertFalse(Mails.hasAttachment(notice));
        numbers.forEach(n -> assertFalse(text.contains(n)));
        awaitCleanedUp(input);
        assertTrue(lookup.requests().isEmpty(), "nothing from an untrusted folder reaches the lookup");
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"refused\""), auditRecords().get(0));
    }

    @Test
    void folderThatIsNotAnAddressGoesToTheOperator() throws Exception {
        Path input = drop("team shared, a@nhs.net", "list.csv", lines(SyntheticNhsNumbers.valid(910, 3))
                .getBytes(StandardCharsets.UTF_8));

        MimeMessage notice = awaitMail();
        assertEquals(List.of(OPERATOR), Mails.recipients(notice));
        assertTrue(Mails.text(notice).contains("is not a single valid email address"), Mails.text(notice));
        awaitCleanedUp(input);
    }
}

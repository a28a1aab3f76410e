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
 * A file deeper than {@code <inbox>/<address>/<file>} is not read, as the README says of files anywhere else: the
 * operator is told (naming the sub-folder), an audit record is written and the file is deleted; a file beside it in
 * the submitter folder gets its result as usual.
 */
class FileInASubFolderIsRefusedToTheOperatorTest extends GatewayTestSupport {

    @Test
    void subFolderFileGoesToTheOperatorAndIsDeleted() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(32_000, 6);
        byte[] content = lines(numbers).getBytes(StandardCharsets.US_ASCII);
        Path deep = drop(SUBMITTER + "/exports/2026", "deep.csv", content);
        Path normal = drop(SUBMITTER, "normal.csv", content);

        MimeMessage[] mails = awaitMails(2);
        MimeMessage notice = Mails.to(mails[0]).equals(OPERATOR) ? mails[0] : mails[1];
        MimeMessage result = notice == mails[0] ? mails[1] : mails[0];
        assertEquals(OPERATOR, Mails.to(notice));
        String text = Mails.text(notice);
        assertTrue(text.contains("The file was in a sub-folder ('" + SUBMITTER + "/exports/2026')"), text);
        assertTrue(text.contains("deep.csv"), text);
        assertFalse(Mails.hasAttachment(notice));
        numbers.forEach(n -> assertFalse(text.contains(n)));
        assertEquals(SUBMITTER, Mails.to(result));
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());

        awaitCleanedUp(deep);
        awaitCleanedUp(normal);
        assertEquals(1, lookup.requests().size(), "the sub-folder file never reaches the lookup");
        String refused = auditRecords().stream().filter(r -> r.contains("\"outcome\":\"refused\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no audit record for the sub-folder file: " + auditRecords()));
        assertTrue(refused.contains("\"file\":\"deep.csv\""), refused);
        assertTrue(refused.contains("untrusted folder: " + SUBMITTER + "/exports/2026"), refused);
    }
}

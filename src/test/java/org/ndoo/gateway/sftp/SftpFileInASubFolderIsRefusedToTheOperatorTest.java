package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file pushed below a submitter folder on the SFTP server ({@code <remote-dir>/<address>/<sub>/<file>}) breaks
 * the pushers' contract: it is refused to the operator, audited and deleted from the server, never silently left
 * there; a file in the submitter folder itself is answered as usual.
 */
class SftpFileInASubFolderIsRefusedToTheOperatorTest extends SftpTestSupport {

    @Test
    void subFolderFileGoesToTheOperator() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(36_000, 9);
        Path deep = upload(SUBMITTER + "/2026-12/nightly.csv", lines(numbers));
        Path normal = upload(SUBMITTER + "/daily.csv", lines(numbers));

        MimeMessage[] mails = awaitMails(2);
        MimeMessage notice = Mails.to(mails[0]).equals(OPERATOR) ? mails[0] : mails[1];
        MimeMessage result = notice == mails[0] ? mails[1] : mails[0];
        assertEquals(OPERATOR, Mails.to(notice));
        String text = Mails.text(notice);
        assertTrue(text.contains("The file was in a sub-folder ('" + SUBMITTER + "/2026-12')"), text);
        assertFalse(Mails.hasAttachment(notice));
        assertEquals(SUBMITTER, Mails.to(result));
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
        Await.until("both remote files deleted", Duration.ofSeconds(20),
                () -> !Files.exists(deep) && !Files.exists(normal));
        assertTrue(auditRecords().stream().anyMatch(r -> r.contains("\"outcome\":\"refused\"")
                && r.contains("\"source\":\"sftp:warehouse\"")), String.join("\n", auditRecords()));
    }
}

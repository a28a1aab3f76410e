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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file pushed to <remote-dir>/<submitter-address>/ on the SFTP server is answered to that submitter. */
class SftpSubmitterFolderTest extends SftpTestSupport {

    @Test
    void resultGoesToTheFolderAddressAndTheRemoteFileIsDeleted() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(3000, 30);
        Path remote = upload(SUBMITTER + "/nightly.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        assertEquals(SUBMITTER, Mails.to(mail));
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("remote file deleted", Duration.ofSeconds(20), () -> !Files.exists(remote));
        Await.until("no file left in the work folder", Duration.ofSeconds(20), () -> filesUnder(workDir()) == 0);
        assertTrue(auditRecords().get(0).contains("\"source\":\"sftp:warehouse\""), auditRecords().get(0));
    }

}

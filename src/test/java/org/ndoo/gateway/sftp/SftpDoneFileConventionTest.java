package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pusher using done files ({@code gateway.inbox.done-file-name}): a file on the SFTP server is not fetched until
 * its done file is there; then it is answered, and both are deleted from the server.
 */
class SftpDoneFileConventionTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        properties.setProperty("gateway.inbox.done-file-name", "${file:name}.done");
    }

    @Test
    void aPushedFileWaitsForItsDoneFile() throws Exception {
        List<String> first = SyntheticNhsNumbers.valid(37_000, 7);
        List<String> second = SyntheticNhsNumbers.valid(37_500, 3);
        Path waiting = upload(SUBMITTER + "/first.csv", lines(first));
        Path later = upload(SUBMITTER + "/second.csv", lines(second));
        Path laterDone = upload(SUBMITTER + "/second.csv.done", "");

        MimeMessage secondResult = awaitMail();
        assertTrue(secondResult.getSubject().contains("second.csv"), secondResult.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(second), Mails.attachment(secondResult).numbers());
        Await.until("second.csv and its done file deleted from the server", Duration.ofSeconds(20),
                () -> !Files.exists(later) && !Files.exists(laterDone));
        assertTrue(Files.exists(waiting), "the file without a done file is not fetched");

        Path waitingDone = upload(SUBMITTER + "/first.csv.done", "");
        MimeMessage firstResult = awaitMails(2)[1];
        assertTrue(firstResult.getSubject().contains("first.csv"), firstResult.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(first), Mails.attachment(firstResult).numbers());
        Await.until("first.csv and its done file deleted from the server", Duration.ofSeconds(20),
                () -> !Files.exists(waiting) && !Files.exists(waitingDone));
        assertEquals(2, MAIL.getReceivedMessages().length, "a done file is never a submission itself");
    }
}

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

/** While the lookup is down the pushed file stays on the server; it goes only once its result is delivered. */
class SftpFileStaysUntilDeliveredTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "1s");
    }

    @Test
    void remoteFileIsDeletedOnlyAfterDelivery() throws Exception {
        lookup.failNext(503, 2);
        List<String> numbers = SyntheticNhsNumbers.valid(3400, 12);
        Path remote = upload(SUBMITTER + "/during-outage.csv", lines(numbers));

        Await.until("the first attempt to fail", Duration.ofSeconds(20), () -> lookup.requests().size() >= 2);
        assertTrue(Files.exists(remote), "the file stays on the server while the lookup is down");
        assertEquals(0, MAIL.getReceivedMessages().length);

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("remote file deleted after delivery", Duration.ofSeconds(20), () -> !Files.exists(remote));
        assertEquals(1, MAIL.getReceivedMessages().length);
    }
}

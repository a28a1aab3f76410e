package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SFTP server going away between polls and coming back costs nothing: the file is processed once. */
class SftpServerOutageTest extends SftpTestSupport {

    @Test
    void fileIsProcessedOnceAfterTheServerComesBack() throws Exception {
        sftp.stop();
        List<String> numbers = SyntheticNhsNumbers.valid(3300, 15);
        Path remote = upload(SUBMITTER + "/while-down.csv", lines(numbers));
        Await.until("a failed poll seen by the health check", Duration.ofSeconds(20), () -> HealthCheckHelper
                .invoke(context).stream().anyMatch(r -> r.getCheck().getId().contains("sftp-intake-warehouse")
                        && r.getState() == HealthCheck.State.DOWN));

        sftp.start();

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("remote file deleted", Duration.ofSeconds(20), () -> !Files.exists(remote));
        assertEquals(1, MAIL.getReceivedMessages().length, "processed once");
        assertEquals(1, auditRecords().size());
    }
}

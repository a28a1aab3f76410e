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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SFTP server going away between polls, or refusing the gateway's login for a while, costs nothing: once it is
 * back the file is processed, once.
 */
class SftpServerOutageTest extends SftpTestSupport {

    @Test
    void fileIsProcessedOnceAfterTheServerComesBack() throws Exception {
        sftp.stop();
        List<String> numbers = SyntheticNhsNumbers.valid(3300, 15);
        Path remote = upload(SUBMITTER + "/while-down.csv", lines(numbers));
        Await.until("a failed poll seen by the health check", Duration.ofSeconds(20), this::sourceIsDown);

        sftp.start();
        assertProcessedOnce(numbers, remote);
    }

    @Test
    void fileIsProcessedOnceAfterLoginsAreAcceptedAgain() throws Exception {
        sftp.refuseLogins(true);
        List<String> numbers = SyntheticNhsNumbers.valid(3350, 15);
        Path remote = upload(SUBMITTER + "/while-refused.csv", lines(numbers));
        Await.until("a refused login seen by the health check", Duration.ofSeconds(20), this::sourceIsDown);
        assertEquals(0, MAIL.getReceivedMessages().length);
        assertTrue(Files.exists(remote));

        sftp.refuseLogins(false);
        assertProcessedOnce(numbers, remote);
    }

    private boolean sourceIsDown() {
        return HealthCheckHelper.invoke(context).stream().anyMatch(r -> r.getCheck().getId()
                .contains("sftp-intake-warehouse") && r.getState() == HealthCheck.State.DOWN);
    }

    private void assertProcessedOnce(List<String> numbers, Path remote) throws Exception {
        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("remote file deleted", Duration.ofSeconds(20), () -> !Files.exists(remote));
        assertEquals(1, MAIL.getReceivedMessages().length, "processed once");
        assertEquals(1, auditRecords().size());
    }
}

package org.ndoo.gateway.sftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server presenting a different host key is refused: its files stay untouched, the source shows DOWN in the
 * health checks, and the shared folder keeps working.
 */
class SftpChangedHostKeyTest extends SftpTestSupport {

    @Test
    void changedHostKeyStopsOnlyThatSource() throws Exception {
        sftp.stop();
        sftp.changeHostKey();
        sftp.start();
        String content = lines(SyntheticNhsNumbers.valid(3200, 10));
        Path remote = upload(SUBMITTER + "/behind-new-key.csv", content);

        Await.until("the SFTP source reported DOWN", Duration.ofSeconds(20), this::sftpSourceIsDown);

        Path local = drop(SUBMITTER, "local.csv", content.getBytes(StandardCharsets.UTF_8));
        MimeMessage mail = awaitMail();
        assertTrue(mail.getSubject().contains("local.csv"), mail.getSubject());
        awaitCleanedUp(local);

        assertTrue(sftpSourceIsDown(), "still refusing the server");
        assertTrue(Files.exists(remote), "the file on the server is left untouched");
        assertEquals(content, Files.readString(remote));
        assertEquals(1, MAIL.getReceivedMessages().length, "nothing was fetched from the server");
    }

    private boolean sftpSourceIsDown() {
        return HealthCheckHelper.invoke(context).stream()
                .anyMatch(r -> r.getCheck().getId().contains("sftp-intake-warehouse")
                        && r.getState() == HealthCheck.State.DOWN);
    }
}

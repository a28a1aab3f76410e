package org.ndoo.gateway.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.ReplyFolder;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SFTP server refuses every write into the reply folder (permission denied, as for a folder the gateway's login
 * may not write): the input stays on the server while the reply is retried, in place and later; at
 * {@code gateway.retry.max-age} the operator alone gets a notice naming the reason, nothing is under a final name in
 * the reply folder, and the input goes, as after any give-up.
 */
class SftpReplyFolderRefusingWritesKeepsTheInputTest extends SftpTestSupport {

    private static final AtomicInteger REFUSED = new AtomicInteger();

    @Override
    protected void overrideSftp(Properties properties) {
        replyInto(properties, "sftp");
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
        properties.setProperty("gateway.retry.max-age", "4s");
    }

    @BeforeAll
    static void refuseWritesUnderResults() {
        sftp.addEventListener(new SftpEventListener() {
            @Override
            public void opening(ServerSession session, String remoteHandle, Handle handle) throws IOException {
                if (handle instanceof FileHandle && underResults(handle.getFile())) {
                    REFUSED.incrementAndGet();
                    throw new AccessDeniedException(handle.getFile().toString());
                }
            }

            @Override
            public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
                if (underResults(path)) {
                    REFUSED.incrementAndGet();
                    throw new AccessDeniedException(path.toString());
                }
            }
        });
    }

    private static boolean underResults(Path path) {
        return path.toString().startsWith("/results");
    }

    @Test
    void theInputStaysUntilTheOperatorIsToldWhy() throws Exception {
        // the folder is there, made by the server's owner, but the gateway's login may not write in it
        Files.createDirectories(sftpRoot.resolve("results").resolve(SUBMITTER));
        long mark = logMark();
        Path remote = upload(SUBMITTER + "/cohort.csv", lines(SyntheticNhsNumbers.valid(7000, 12)));

        Await.until("the reply refused twice, on two attempts", Duration.ofSeconds(20), () -> REFUSED.get() >= 4);
        assertTrue(Files.exists(remote), "the input stays on the server while the reply is retried");
        assertEquals(0, MAIL.getReceivedMessages().length, "no notice before the maximum age");
        assertTrue(logLinesSince(mark).stream().anyMatch(l -> l.contains(": the reply cohort-permitted.csv to the SFTP"
                + " server failed (the SFTP reply failed: permission denied in the reply folder); retry 1 of 1")),
                "each retry logged in the gateway's words");

        MimeMessage notice = awaitMail();
        assertEquals(OPERATOR, Mails.to(notice), "the operator alone is told");
        String text = Mails.text(notice);
        assertTrue(text.contains("its submitter cannot be told: only you are"), text);
        assertTrue(text.contains("could not put the result back on the SFTP server (permission denied in the reply"
                + " folder) for longer than the gateway waits (4s)"), text);
        Await.until("the input deleted once given up", Duration.ofSeconds(20), () -> !Files.exists(remote));
        ReplyFolder replies = new ReplyFolder(sftpRoot.resolve("results").resolve(SUBMITTER));
        assertTrue(replies.names().stream().allMatch(n -> n.startsWith(".")), "nothing under a final name: "
                + replies.names());
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"gave-up\""), auditRecords().get(0));
    }
}

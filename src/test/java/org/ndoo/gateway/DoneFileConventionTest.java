package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code gateway.inbox.done-file-name} set, a file is not read until its done file exists beside it, however
 * long its writer pauses; then it is read, and the done file is deleted with it.
 */
class DoneFileConventionTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.inbox.done-file-name", "${file:name}.done");
    }

    @Test
    void aFileWaitsForItsDoneFile() throws Exception {
        List<String> first = SyntheticNhsNumbers.valid(33_000, 7);
        List<String> second = SyntheticNhsNumbers.valid(33_500, 4);
        // written in place and left unfinished-looking for as long as the test likes: no done file yet
        Path waiting = Files.writeString(Files.createDirectories(inbox().resolve(SUBMITTER)).resolve("first.csv"),
                lines(first), StandardCharsets.US_ASCII);
        Path later = drop(SUBMITTER, "second.csv", lines(second).getBytes(StandardCharsets.US_ASCII));
        Path laterDone = drop(SUBMITTER, "second.csv.done", new byte[0]);

        MimeMessage secondResult = awaitMail();
        assertTrue(secondResult.getSubject().contains("second.csv"), secondResult.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(second), Mails.attachment(secondResult).numbers());
        awaitCleanedUp(later);
        awaitCleanedUp(laterDone);
        assertTrue(Files.exists(waiting), "the file without a done file is not read");
        assertEquals(1, lookup.requests().size(), "only the file with a done file was checked");

        Path waitingDone = drop(SUBMITTER, "first.csv.done", new byte[0]);
        MimeMessage firstResult = awaitMails(2)[1];
        assertTrue(firstResult.getSubject().contains("first.csv"), firstResult.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(first), Mails.attachment(firstResult).numbers());
        awaitCleanedUp(waiting);
        awaitCleanedUp(waitingDone);
        assertEquals(2, MAIL.getReceivedMessages().length, "a done file is never a submission itself");
    }
}

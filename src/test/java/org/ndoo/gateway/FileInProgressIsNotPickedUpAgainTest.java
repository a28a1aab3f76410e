package org.ndoo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file whose submission is still running (its lookup held) is never picked up a second time: two later files
 * dropped while it is held are each picked up, checked and answered (so the inbox was scanned again with the held
 * file in it), and the held file still made exactly one lookup request; released, it is answered once.
 */
class FileInProgressIsNotPickedUpAgainTest extends GatewayTestSupport {

    private static final int HELD_ROWS = 10;

    @Test
    void oneSubmissionPerFileAtATime() throws Exception {
        lookup.holdFromRequest(1, HELD_ROWS - 1); // only requests of the held file's size are held
        List<String> numbers = SyntheticNhsNumbers.valid(11_000, HELD_ROWS);
        Path input = drop("held.csv", lines(numbers));
        Await.until("the held file's lookup under way", Duration.ofSeconds(20), () -> lookup.held() == 1);

        for (int marker = 1; marker <= 2; marker++) {
            Path later = drop("later-" + marker + ".csv", lines(SyntheticNhsNumbers.valid(11_100 + marker * 10, 3)));
            MimeMessage answered = awaitMails(marker)[marker - 1];
            assertTrue(answered.getSubject().contains("later-" + marker + ".csv"), answered.getSubject());
            // the held submission's work folder stays: only the later input's deletion is awaited here
            Await.until(later.getFileName() + " deleted", Duration.ofSeconds(20), () -> !java.nio.file.Files.exists(later));
        }
        assertEquals(1, heldFileRequests(), "the held file was read and checked once, though scanned again");

        lookup.release();
        MimeMessage mail = awaitMails(3)[2];
        assertTrue(mail.getSubject().contains("held.csv"), mail.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        awaitCleanedUp(input);
        assertEquals(1, heldFileRequests(), "the held file was read and checked once");
        assertEquals(3, auditRecords().size());
    }

    private static long heldFileRequests() {
        return lookup.requests().stream().filter(r -> r.lines() == HELD_ROWS).count();
    }
}

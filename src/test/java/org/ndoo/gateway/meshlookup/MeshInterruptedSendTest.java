package org.ndoo.gateway.meshlookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A submission whose sending was interrupted by a stop leaves a work folder but no wait; at the next start that folder
 * is discarded (its input is still in the inbox and is sent again as a new submission), so it never turns into a
 * false "no reply" notice.
 */
class MeshInterruptedSendTest extends MeshGatewayTestSupport {

    @Test
    void interruptedStateIsDiscardedAndTheInputSentAgain() throws Exception {
        Submission dropped = new Submission("NDOO-20260101-000000-AAAAA", "shared-folder",
                inbox().resolve(SUBMITTER).resolve("x.csv"), SUBMITTER, 10);
        Path dir = Files.createDirectories(workDir().resolve(dropped.getReference()));
        Submission interrupted = dropped.trusted(SUBMITTER).inWorkFolder(dir);
        // sending was interrupted: the valid numbers are in the work folder but no wait was opened
        Files.writeString(dir.resolve(WorkArea.VALID_NUMBERS), lines(SyntheticNhsNumbers.valid(6000, 2)));

        // what the next start does
        context.getRegistry().lookupByNameAndType("workArea", WorkArea.class).removeOrphans();
        assertFalse(Files.exists(dir), "the interrupted state is gone");

        List<String> numbers = SyntheticNhsNumbers.valid(7000, 8);
        drop("again.csv", lines(numbers));
        Await.until("the request sent", Duration.ofSeconds(20), () -> requestsToTheService() == 1);
        Await.until("the result released", Duration.ofSeconds(20), () -> mesh.optOutService().releaseResults() == 1);
        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(1, MAIL.getReceivedMessages().length, "no false notice for the interrupted state");
    }
}

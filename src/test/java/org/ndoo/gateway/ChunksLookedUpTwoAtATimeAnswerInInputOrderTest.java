package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * While the lookup is still answering chunk 1 (slowly), chunk 2 is already asked about; chunk 2's quicker answer
 * waits, and the progress lines, the counts and the attachment still follow the input order.
 */
class ChunksLookedUpTwoAtATimeAnswerInInputOrderTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.lookup.chunk-size", "1000");
    }

    @Test
    void theNextChunkIsAskedAboutWhileOneIsAnswered() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(30_000, 3000);
        lookup.stallNext(1, 1500); // the first request (chunk 1) is answered last
        long mark = logMark();

        Path input = drop("in-order.csv", lines(numbers));
        MimeMessage mail = awaitMail();
        awaitCleanedUp(input);

        assertEquals(2, lookup.mostInFlight(), "two chunks asked about at once, never more");
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(3000, Mails.count(mail, "Checked"));
        Await.until("the summary line", Duration.ofSeconds(10),
                () -> logLinesSince(mark).stream().anyMatch(l -> l.contains(": delivered; ")));
        List<String> progress = logLinesSince(mark).stream()
                .filter(l -> l.matches(".*: chunk \\d+ of 3 answered, .*")).toList();
        assertEquals(3, progress.size(), String.join("\n", progress));
        for (int chunk = 1; chunk <= 3; chunk++) {
            assertTrue(progress.get(chunk - 1).contains(": chunk " + chunk + " of 3 answered, " + chunk * 1000
                    + " of 3000 numbers checked, "), progress.get(chunk - 1));
        }
    }
}

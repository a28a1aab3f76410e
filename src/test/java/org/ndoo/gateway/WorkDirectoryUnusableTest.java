package org.ndoo.gateway;

import java.nio.file.Files;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the work directory cannot be written (here: its path is taken by a file), the input stays where it was
 * dropped and is tried again; once the directory can be made, the submission completes.
 */
class WorkDirectoryUnusableTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.work.dir", root.resolve("blocked-work").toString());
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
    }

    @Test
    void inputWaitsUntilTheWorkDirectoryIsUsable() throws Exception {
        Path blocked = Files.writeString(root.resolve("blocked-work"), "not a directory");
        long logStart = logMark();
        List<String> numbers = SyntheticNhsNumbers.valid(9600, 10);
        Path input = drop("blocked.csv", lines(numbers));

        Await.until("two attempts logged as not completed", Duration.ofSeconds(20),
                () -> logLinesSince(logStart).stream()
                        .filter(l -> l.contains("submission-failed") && l.contains("not completed")).count() >= 2);
        assertTrue(Files.exists(input), "the input stays while the work directory is unusable");
        assertEquals(0, MAIL.getReceivedMessages().length);

        Files.delete(blocked);
        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("input deleted", Duration.ofSeconds(20), () -> !Files.exists(input));
    }
}

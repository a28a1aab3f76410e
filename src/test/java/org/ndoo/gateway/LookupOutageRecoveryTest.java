package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The lookup refusing connections while ten files wait: every input stays; when the lookup comes back they are all
 * answered exactly, without a stampede (never more lookups at once than gateway.inbox.concurrency).
 */
class LookupOutageRecoveryTest extends GatewayTestSupport {

    private static final int FILES = 10;
    private static final int CONCURRENCY = 3;

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.inbox.concurrency", Integer.toString(CONCURRENCY));
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
    }

    @Test
    void refusedConnectionsThenRecoveryWithoutAStampede() throws Exception {
        lookup.stop();
        long mark = logMark();
        List<Path> inputs = new ArrayList<>();
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            List<String> numbers = SyntheticNhsNumbers.valid(10_000 + i * 50, 50);
            lists.add(numbers);
            inputs.add(drop("file-" + i + ".csv", lines(numbers)));
        }
        Await.until("every file tried at least once", Duration.ofSeconds(30), () -> logLinesSince(mark).stream()
                .filter(l -> l.contains("not completed") && l.contains("ConnectException")).count() >= FILES);
        assertTrue(auditRecords().isEmpty(), "nothing ended while the lookup was down");
        assertTrue(inputs.stream().allMatch(Files::exists), "every input stays while the lookup is down");

        lookup.stallNext(FILES * 2, 200); // slow answers, so that overlapping requests would show
        lookup.restart();

        MimeMessage[] mails = awaitMails(FILES);
        for (int i = 0; i < FILES; i++) {
            String name = "file-" + i + ".csv";
            MimeMessage mail = java.util.Arrays.stream(mails).filter(m -> subject(m).contains(name)).findFirst()
                    .orElseThrow();
            assertSameNumbers(SyntheticNhsNumbers.permitted(lists.get(i)), Mails.attachment(mail).numbers());
        }
        assertTrue(lookup.mostInFlight() <= CONCURRENCY, "at most " + CONCURRENCY + " lookups at once, saw "
                + lookup.mostInFlight());
        assertEquals(FILES, lookup.requests().size(), "one successful request per file after the recovery");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

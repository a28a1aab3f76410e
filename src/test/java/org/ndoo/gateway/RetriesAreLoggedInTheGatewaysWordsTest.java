package org.ndoo.gateway;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer.Mode;
import org.ndoo.gateway.support.FaultySmtpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each in-place retry (a real lookup answering 503, a real mail server refusing connections) is logged as one line
 * with the submission reference, what is retried (the lookup chunk, or the result mail to a masked address), retry
 * n of m and when: never Camel's exchange dump with its MessageId and ExchangeId.
 */
class RetriesAreLoggedInTheGatewaysWordsTest extends FaultySmtpTestSupport {

    private static final String REFERENCE = "NDOO-\\d{8}-\\d{6}-[A-Z0-9]{5}";
    private static final String WHEN = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+";

    @Test
    void aLookupRetryNamesTheChunkTheAttemptAndWhenNext() {
        smtp.mode(Mode.PASS);
        long mark = logMark();
        lookup.failNext(503, 2);
        drop("lookup-retried.csv", lines(SyntheticNhsNumbers.valid(7100, 10)));

        awaitMail();
        List<String> log = logLinesSince(mark);
        List<String> retries = matching(log, ": lookup chunk ");
        assertEquals(2, retries.size(), String.join("\n", log));
        assertLine(retries.get(0), "lookup chunk 1 of 1 failed \\(the opt-out lookup is unavailable: HTTP 503\\);"
                + " retry 1 of 3 in about 100 ms, at " + WHEN);
        assertLine(retries.get(1), "lookup chunk 1 of 1 failed \\(the opt-out lookup is unavailable: HTTP 503\\);"
                + " retry 2 of 3 in about 200 ms, at " + WHEN);
        assertNoCamelDump(log);
    }

    @Test
    void aMailRetryNamesTheMailAndAMaskedRecipient() {
        smtp.mode(Mode.REFUSE);
        long mark = logMark();
        drop("mail-retried.csv", lines(SyntheticNhsNumbers.valid(7200, 10)));

        Await.until("a mail retry logged", Duration.ofSeconds(20),
                () -> !matching(logLinesSince(mark), ": the result mail to ").isEmpty());
        smtp.mode(Mode.PASS);
        awaitMail();
        List<String> log = logLinesSince(mark);
        assertLine(matching(log, ": the result mail to ").get(0), "the result mail to an\\*\\*\\*@nhs\\.net failed"
                + " \\(the mail server is unavailable \\(MessagingException\\)\\); retry 1 of 3 in about 100 ms, at "
                + WHEN);
        assertTrue(log.stream().noneMatch(l -> l.contains(SUBMITTER)), "the recipient is masked in every line");
        assertNoCamelDump(log);
    }

    private static List<String> matching(List<String> log, String text) {
        return log.stream().filter(l -> l.contains(text)).toList();
    }

    private static void assertLine(String line, String words) {
        assertTrue(Pattern.compile(" WARN .*" + REFERENCE + ": " + words + "$").matcher(line).find(), line);
    }

    private static void assertNoCamelDump(List<String> log) {
        for (String line : log) {
            assertTrue(!line.contains("MessageId") && !line.contains("ExchangeId") && !line.contains("Failed delivery"),
                    "Camel's own retry line: " + line);
        }
    }
}

package org.ndoo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submission whose lookup never answered (here a real lookup refusing with HTTP 400) reports 0 checked in the
 * audit record, the log summary and the status page: never the 18 numbers it would have asked about.
 */
class FailedSubmissionCountsOnlyNumbersTheLookupAnsweredTest extends GatewayTestSupport {

    @Test
    void checkedIsZeroWhenNoLookupAnswered() {
        lookup.failNext(400, 1);
        long mark = logMark();
        Path input = drop("never-answered.csv", lines(SyntheticNhsNumbers.valid(7600, 18)));

        awaitMail();
        awaitCleanedUp(input);
        String audit = auditRecords().get(0);
        assertTrue(audit.contains("\"valid\":18,") && audit.contains("\"checked\":0,"), audit);
        assertTrue(audit.contains("\"withheld\":0,"), audit);
        Await.until("the summary line", Duration.ofSeconds(10),
                () -> logLinesSince(mark).stream().anyMatch(l -> l.contains(": failed; ")));
        List<String> summary = logLinesSince(mark).stream().filter(l -> l.contains(": failed; ")).toList();
        assertTrue(summary.get(0).contains(": failed; 18 rows, 0 invalid, 0 duplicates, 0 checked, 0 permitted,"
                + " 0 chunks answered, "), summary.get(0));
        String page = Http.get(statusUrl()).body();
        assertTrue(page.contains("<td>failed</td><td class=\"n\">18</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                + "<td class=\"n\">0</td>"), page);
    }
}

package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * A submission whose lookup refuses its last chunk (a real lookup answering HTTP 400) after answering the two before
 * it reports those two chunks in the audit record and the log summary: 2000 checked, their permitted and withheld
 * numbers, 2 chunks answered; never the 2500 it would have asked about, nor none.
 */
class LookupFailingPartWayReportsTheChunksAnsweredBeforeItTest extends GatewayTestSupport {

    /** Three chunks: 1000, 1000 and the last 500 numbers. */
    private static final int CHUNK_SIZE = 1000;

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.lookup.chunk-size", String.valueOf(CHUNK_SIZE));
    }

    @Test
    void theChunksAnsweredBeforeTheFailureAreCounted() {
        List<String> valid = SyntheticNhsNumbers.valid(8000, 2500);
        long permitted = SyntheticNhsNumbers.permitted(valid.subList(0, 2 * CHUNK_SIZE)).size();
        // only the third, shorter chunk is refused
        lookup.failRequestsOfAtMost(CHUNK_SIZE / 2, 400);
        long mark = logMark();
        Path input = drop("refused-part-way.csv", lines(valid));

        awaitMail();
        awaitCleanedUp(input);
        String audit = auditRecords().get(0);
        assertTrue(audit.contains("\"valid\":2500,") && audit.contains("\"checked\":2000,"), audit);
        assertTrue(audit.contains("\"permitted\":" + permitted + ",") && audit.contains("\"withheld\":"
                + (2000 - permitted) + ",") && audit.contains("\"chunks\":2,"), audit);
        Await.until("the summary line", Duration.ofSeconds(10),
                () -> logLinesSince(mark).stream().anyMatch(l -> l.contains(": failed; ")));
        String summary = logLinesSince(mark).stream().filter(l -> l.contains(": failed; ")).findFirst().orElseThrow();
        assertTrue(summary.contains(": failed; 2500 rows, 0 invalid, 0 duplicates, 2000 checked, " + permitted
                + " permitted, 2 chunks answered, "), summary);
    }
}

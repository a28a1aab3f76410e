package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * A submission of several chunks logs "chunk i of n" with numbers checked and numbers per second after each chunk,
 * then one summary line with its outcome and counts; no log line holds an NHS number.
 */
class LongSubmissionLogsItsProgressTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.lookup.chunk-size", "1000");
    }

    @Test
    void eachChunkThenOneSummaryLine() {
        List<String> valid = SyntheticNhsNumbers.valid(0, 2500);
        List<String> rows = new ArrayList<>(valid);
        rows.add("9990000019");
        rows.add(valid.get(0));
        int permitted = SyntheticNhsNumbers.permitted(valid).size();
        long mark = logMark();

        Path input = drop("cohort.csv", lines(rows));
        awaitMail();
        awaitCleanedUp(input);
        Await.until("the summary line", Duration.ofSeconds(10),
                () -> logLinesSince(mark).stream().anyMatch(l -> l.contains(": delivered; ")));

        List<String> log = logLinesSince(mark);
        List<String> progress = log.stream().filter(l -> l.matches(".*: chunk \\d+ of \\d+ answered, .*")).toList();
        assertEquals(3, progress.size(), String.join("\n", progress));
        assertTrue(progress.get(0).matches(".*NDOO-\\S+: chunk 1 of 3 answered, 1000 of 2500 numbers checked, \\d+ numbers/s"),
                progress.get(0));
        assertTrue(progress.get(2).matches(".*: chunk 3 of 3 answered, 2500 of 2500 numbers checked, \\d+ numbers/s"),
                progress.get(2));
        List<String> summary = log.stream().filter(l -> l.contains(": delivered; ")).toList();
        assertEquals(1, summary.size());
        assertTrue(summary.get(0).matches(".*: delivered; 2502 rows, 1 invalid, 1 duplicate, 2500 checked, " + permitted
                + " permitted, 3 chunks answered, \\d+ ms"), summary.get(0));
        for (String line : log) {
            for (String number : valid.subList(0, 50)) {
                assertFalse(line.contains(number), "an NHS number in the log: " + line);
            }
        }
    }
}

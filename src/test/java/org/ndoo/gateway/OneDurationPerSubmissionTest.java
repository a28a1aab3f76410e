package org.ndoo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.RepeatedTest;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit record, the log summary and the status page give a submission the same duration, to the millisecond. */
class OneDurationPerSubmissionTest extends GatewayTestSupport {

    @RepeatedTest(3)
    void auditLogAndStatusPageAgree(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
        long mark = logMark();
        Path input = drop("timed-" + repetition.getCurrentRepetition() + ".csv",
                lines(SyntheticNhsNumbers.valid(7700 + 20 * repetition.getCurrentRepetition(), 12)));

        awaitMail();
        awaitCleanedUp(input);
        Await.until("the summary line", Duration.ofSeconds(10),
                () -> logLinesSince(mark).stream().anyMatch(l -> l.contains(": delivered; ")));
        String summary = logLinesSince(mark).stream().filter(l -> l.contains(": delivered; ")).findFirst().orElseThrow();
        String reference = find(summary, "(NDOO-\\S+): delivered");
        long logged = Long.parseLong(find(summary, ", (\\d+) ms$"));
        String audit = auditRecords().stream().filter(r -> r.contains(reference)).findFirst().orElseThrow();
        long audited = Long.parseLong(find(audit, "\"durationMs\":(\\d+)"));
        String page = Http.get(statusUrl()).body();
        long shown = Long.parseLong(find(page, "<td>" + Pattern.quote(reference) + "</td>.*?<td class=\"n\">([\\d,]+) ms</td>")
                .replace(",", ""));

        assertEquals(audited, logged, "log summary against the audit record");
        assertEquals(audited, shown, "status page against the audit record");
        MAIL.purgeEmailFromAllMailboxes();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return m.group(1);
    }
}

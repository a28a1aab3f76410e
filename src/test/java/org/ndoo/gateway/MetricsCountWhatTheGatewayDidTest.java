package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * /observe/metrics (Prometheus text) counts what a submission did: its outcome, the NHS numbers checked, permitted,
 * withheld and invalid, the chunk lookup (timed, with a histogram) and its retry, the email; nothing in flight after.
 */
class MetricsCountWhatTheGatewayDidTest extends GatewayTestSupport {

    @Test
    void oneSubmissionWithARetriedLookupIsCountedExactly() {
        List<String> valid = SyntheticNhsNumbers.valid(0, 30);
        List<String> rows = new ArrayList<>(valid);
        rows.add("9990000019"); // wrong check digit
        rows.add("not a number");
        rows.add(valid.get(3)); // duplicate
        int permitted = SyntheticNhsNumbers.permitted(valid).size();
        lookup.failNext(503, 1);

        Path input = drop("cohort.csv", lines(rows));
        awaitMail();
        awaitCleanedUp(input);
        // the metrics are told as the submission closes, just after the clean-up
        Await.until("the submission counted", Duration.ofSeconds(10), () -> Double.valueOf(1.0).equals(
                parse(Http.get(observeUrl() + "/metrics").body()).get("ndoo_submissions_total{outcome=\"delivered\"}")));

        Http.Response response = Http.get(observeUrl() + "/metrics");
        assertEquals(200, response.status());
        assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
        Map<String, Double> metrics = parse(response.body());
        assertEquals(1.0, metrics.get("ndoo_submissions_total{outcome=\"delivered\"}"));
        assertEquals(0.0, metrics.get("ndoo_submissions_total{outcome=\"failed\"}"));
        assertEquals(30.0, metrics.get("ndoo_nhs_numbers_total{result=\"checked\"}"));
        assertEquals(permitted, metrics.get("ndoo_nhs_numbers_total{result=\"permitted\"}"));
        assertEquals(30.0 - permitted, metrics.get("ndoo_nhs_numbers_total{result=\"withheld\"}"));
        assertEquals(2.0, metrics.get("ndoo_nhs_numbers_total{result=\"invalid\"}"));
        assertEquals(1.0, metrics.get("ndoo_lookup_chunk_seconds_count{lookup=\"http\"}"));
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.startsWith("ndoo_lookup_chunk_seconds_bucket{")),
                "latency histogram buckets");
        assertEquals(2, lookup.requests().size(), "the 503, then the retry");
        assertEquals(1.0, metrics.get("ndoo_retries_total{call=\"lookup\"}"));
        assertEquals(0.0, metrics.get("ndoo_retries_total{call=\"mail\"}"));
        assertEquals(1.0, metrics.get("ndoo_mails_sent_total"));
        assertEquals(0.0, metrics.get("ndoo_mails_failed_total"));
        assertEquals(0.0, metrics.get("ndoo_submissions_in_flight"));
        assertEquals(0.0, metrics.get("ndoo_submissions_oldest_age_seconds"));
        for (String number : valid) {
            assertFalse(response.body().contains(number), "an NHS number in the metrics");
        }
    }

    /** Sample lines of the Prometheus text format: name{labels} value. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#") && line.startsWith("ndoo_")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}

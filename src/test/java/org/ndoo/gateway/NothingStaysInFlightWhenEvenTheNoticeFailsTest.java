package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;

/**
 * A bad file while the mail server is down: the failure notice cannot go, so the input stays for a later attempt.
 * The attempt must not stay "in flight" on the status page and in the metrics (the next attempt is a new one).
 */
class NothingStaysInFlightWhenEvenTheNoticeFailsTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        try (ServerSocket socket = new ServerSocket(0)) {
            properties.setProperty("gateway.mail.smtp.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        properties.setProperty("gateway.retry.resubmit-first-delay", "1h");
    }

    @Test
    void theAttemptLeavesTheInFlightList() {
        long mark = logMark();
        Path input = drop("no-numbers.csv", "name\nnot a number\n");

        Await.until("the attempt ended", Duration.ofSeconds(20),
                () -> logLinesSince(mark).stream().anyMatch(l -> l.contains(": failed (") && l.contains("; notifying the submitter")));
        Await.until("nothing in flight", Duration.ofSeconds(20), () -> Http.get(statusUrl()).body().contains(
                "No submission is being checked."));

        assertTrue(Files.exists(input), "the input stays for a later attempt");
        assertEquals(0.0, inFlightMetric());
    }

    private double inFlightMetric() {
        return Http.get(observeUrl() + "/metrics").body().lines()
                .filter(l -> l.startsWith("ndoo_submissions_in_flight "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
    }
}

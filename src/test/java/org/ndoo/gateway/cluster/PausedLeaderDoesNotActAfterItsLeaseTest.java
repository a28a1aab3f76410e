package org.ndoo.gateway.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Fencing: the leader is paused (SIGSTOP) while a submission is in flight (the lookup holding its request), kept
 * stopped past its lease (interval x multiplier), the lookup's answer is let go while it is stopped, and it is resumed
 * (SIGCONT). Its answer then races its own heartbeat: whatever wins, no node sends the result or deletes the input
 * before the lease record on the shared root names it with a heartbeat written after the resume (or after the
 * takeover, for the other node); in the end the file has exactly one result, from the node that logs it, and its
 * input is gone.
 */
class PausedLeaderDoesNotActAfterItsLeaseTest extends GatewayTestSupport {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** How old a leader's heartbeat must be before a standby may take over: interval x multiplier (5, the default). */
    private static final Duration LEASE = INTERVAL.multipliedBy(5);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Override
    protected void override(Properties properties) {
        // the nodes are separate JVMs: the in-test gateway must not take their files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
    }

    @Test
    void nothingIsSentOrDeletedBeforeItsHeartbeatIsFreshAgain() throws Exception {
        context.stop();
        Map<String, String> settings = processSettings();
        settings.put("gateway.inbox.dir", inbox().toString());
        try (TwoNodes cluster = new TwoNodes(root.resolve("paused-leader"), settings, INTERVAL);
                LeaseWatch lease = new LeaseWatch(cluster.clusterRoot())) {
            cluster.start("node-a");
            String paused = cluster.awaitLeader(Duration.ofSeconds(30));
            cluster.start("node-b");
            String other = cluster.other(paused);
            Await.until("the leader's lease record", Duration.ofSeconds(10), () -> lease.latest().isPresent());
            String pausedMember = lease.latest().orElseThrow().memberUuid();

            lookup.holdFromRequest(1);
            List<String> numbers = SyntheticNhsNumbers.valid(610_000, 40);
            Path input = drop("paused@nhs.net", "paused-leader.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));
            Await.until("the leader's lookup request held", Duration.ofSeconds(30), () -> lookup.held() > 0);

            cluster.pause(paused);
            Instant pausedAt = Instant.now();
            Await.until("the paused leader's heartbeat older than its lease", Duration.ofSeconds(30),
                    () -> lease.latest().orElseThrow().heartbeat().plus(LEASE).plus(INTERVAL).isBefore(Instant.now()));
            boolean otherLedWhilePaused = cluster.leads(other);
            // the answer waits in the stopped node's socket: at the resume it races the node's own heartbeat
            lookup.release();
            Instant resumedAt = Instant.now();
            cluster.resume(paused);

            Await.until("the input answered and deleted", Duration.ofSeconds(60), () -> !Files.exists(input));
            Await.until("every attempt ended", Duration.ofSeconds(30), () -> everyAttemptEnded(cluster.allLogs()));
            MimeMessage[] mails = MAIL.getReceivedMessages();
            assertEquals(1, mails.length, "exactly one result for the file");
            assertEquals("paused@nhs.net", Mails.to(mails[0]));
            assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mails[0]).numbers());
            assertEquals(1, cluster.allLogs().lines().filter(l -> l.contains(": delivered;")).count(),
                    "one node logs the delivery, once");
            String deliverer = cluster.nodeLogging(": delivered;").orElseThrow();

            Instant surelyLeader = (deliverer.equals(paused)
                    ? lease.firstHeartbeatAfter(resumedAt, pausedMember, true)
                    : lease.firstHeartbeatAfter(pausedAt, pausedMember, false))
                    .orElseThrow(() -> new AssertionError(deliverer + " delivered with no fresh heartbeat of its own"));
            Instant mailed = mails[0].getReceivedDate().toInstant();
            assertFalse(mailed.isBefore(surelyLeader), deliverer + "'s mail reached the server "
                    + Duration.between(mailed, surelyLeader).toMillis() + " ms before its heartbeat was fresh");
            Instant delivered = timeOf(cluster.process(deliverer).logLines(": delivered;").get(0));
            assertFalse(delivered.isBefore(surelyLeader), deliverer + " deleted and logged before its fresh heartbeat");

            // what the resumed node refused while its heartbeat was stale (observed, not required: the race may go
            // either way): a send refused ends "left for the leader", a deletion refused "Not acting as leader"
            List<String> refused = cluster.process(paused).log().lines()
                    .filter(l -> l.contains("Not acting as leader") || l.contains(": left for the leader"))
                    .filter(l -> !timeOf(l).isBefore(resumedAt.minusMillis(1))).toList();
            System.out.printf("SIGCONT observed: %s led while %s was stopped: %s; %s's heartbeat fresh again %d ms after"
                    + " the resume; %d refusal(s) after the resume %s; delivered by %s, mail %d ms after the resume;"
                    + " stopped %d ms%n", other, paused, otherLedWhilePaused, paused,
                    lease.firstHeartbeatAfter(resumedAt, pausedMember, true)
                            .map(h -> Duration.between(resumedAt, h).toMillis()).orElse(-1L),
                    refused.size(), refused.stream().map(l -> l.substring(l.indexOf(" - ") + 3)).toList(), deliverer,
                    Duration.between(resumedAt, mailed).toMillis(), Duration.between(pausedAt, resumedAt).toMillis());
        }
    }

    /** Whether every submission any node received has ended, in a result, a notice or left for the leader. */
    private static boolean everyAttemptEnded(String logs) {
        List<String> references = logs.lines().filter(l -> l.contains(": received ") && l.contains("NDOO-"))
                .map(l -> l.substring(l.indexOf("NDOO-"), l.indexOf(": received"))).toList();
        return !references.isEmpty() && references.stream().allMatch(r -> logs.contains(r + ": delivered;")
                || logs.contains(r + ": left for the leader") || logs.contains(r + ": failed;"));
    }

    private static Instant timeOf(String logLine) {
        return LocalDateTime.parse(logLine.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
    }
}

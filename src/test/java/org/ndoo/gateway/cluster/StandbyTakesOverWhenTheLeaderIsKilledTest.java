package org.ndoo.gateway.cluster;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.KillMoment;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the packaged jar, with the gateway's default lock interval and multiplier: node-a leads and is killed
 * with SIGKILL at a chosen moment of a submission's life (held there by the lookup or the mail server, and checked to
 * have landed inside it); more files are dropped while no node leads; node-b must lead within the documented failover
 * time (interval x (multiplier + 1), and a second to take over) and finish everything: every file exactly its own
 * result, to its own submitter, every input deleted, the work directory left with only the nodes' own things, and on
 * node-b's status page both the submissions it finished and one node-a had delivered before it died. The one duplicate allowed is the README's window: a mail accepted by the mail server while its input
 * was still there at the kill. Each run's failover time goes to {@link #FIGURES}.
 */
class StandbyTakesOverWhenTheLeaderIsKilledTest extends TwoNodesTestSupport {

    private static final int LATE_FILES = 2;
    /** The gateway's defaults (camel.cluster.file.*, none set): the failover figure is the one an operator gets. */
    private static final ClusterSettings DEFAULTS = ClusterSettings.from(key -> "");
    /**
     * Beyond interval x (multiplier + 1): the standby's checks run one interval after the previous one ended, not on
     * a fixed rate, and it then takes the lock, starts its routes and turns its metric to 1 (README: "at most about
     * 18 s"); the test sees the metric at its next look.
     */
    private static final Duration TAKING_OVER = Duration.ofSeconds(1);

    @Override
    protected void overrideNodes(Properties properties) {
        properties.setProperty("gateway.lookup.chunk-size", Integer.toString(KillMoment.CHUNK));
    }

    @ParameterizedTest
    @EnumSource(KillMoment.class)
    void standbyFinishesEverySubmissionOfTheKilledLeader(KillMoment moment) throws Exception {
        Map<String, String> settings = nodeSettings();
        int offset = 100_000 + moment.ordinal() * 1_000;
        String run = moment.name().toLowerCase().replace('_', '-');
        try (TwoNodes cluster = new TwoNodes(root.resolve("killed-" + run), settings, DEFAULTS.acquireLockInterval())) {
            cluster.start("node-a");
            assertEquals("node-a", cluster.awaitLeader(Duration.ofSeconds(30)), "the first node started leads");
            cluster.start("node-b");
            GatewayProcess leader = cluster.process("node-a");
            // one submission node-a finishes before it dies: the survivor's status page must still show it
            Drop early = drop("d@nhs.net", run + "-early.csv", SyntheticNhsNumbers.valid(offset + moment.rows + 40 + LATE_FILES * 30, 20));
            Await.until("the early file delivered by node-a", Duration.ofSeconds(60),
                    () -> referenceOf(leader, early).filter(r -> leader.logContains(r + ": delivered")).isPresent());
            String earlyReference = referenceOf(leader, early).orElseThrow();

            moment.hold(lookup, smtp, SyntheticNhsNumbers.valid(offset, 1).get(0));
            Drop target = drop("a@nhs.net", run + "-target.csv", SyntheticNhsNumbers.valid(offset, moment.rows));
            Drop bystander = drop("b@nhs.net", run + "-bystander.csv",
                    SyntheticNhsNumbers.valid(offset + moment.rows, 40));
            Await.until("the target received by node-a", Duration.ofSeconds(30),
                    () -> referenceOf(leader, target).isPresent());
            String reference = referenceOf(leader, target).orElseThrow();
            Instant killed;
            try {
                Await.until("the moment " + moment, Duration.ofSeconds(60),
                        () -> moment.reached(leader, smtp, reference, target.name()));
            } finally {
                killed = Instant.now();
                cluster.kill("node-a");
            }
            assertKillLanded(moment, leader, reference, target);
            // the README's one window for a duplicate: accepted by the mail server, input not yet deleted
            Map<Drop, Long> expected = new LinkedHashMap<>();
            expected.put(early, 1L);
            for (Drop d : List.of(target, bystander)) {
                expected.put(d, 1L + (mailsFor(d) > 0 && Files.exists(d.input()) ? 1 : 0));
            }
            for (int i = 0; i < LATE_FILES; i++) {
                int from = offset + moment.rows + 40 + i * 30;
                expected.put(drop("c@nhs.net", run + "-late-" + i + ".csv", SyntheticNhsNumbers.valid(from, 30)), 1L);
            }
            assertTrue(cluster.leaders().isEmpty(), "no node leads while the late files are dropped");
            lookup.release();
            smtp.mode(FaultySmtpServer.Mode.ACCEPT);

            Duration failover = cluster.awaitLeads("node-b", killed, DEFAULTS.failoverTime().multipliedBy(2));
            GatewayProcess survivor = cluster.process("node-b");
            Await.until("every input answered and deleted", Duration.ofSeconds(90), this::everyInputDeleted);
            Await.until("the work area emptied of submissions", Duration.ofSeconds(30),
                    () -> onlyTheNodesThingsLeftIn(workDir()));
            long duplicates = expected.values().stream().mapToLong(n -> n - 1).sum();
            recordFigures("kill " + moment + ": failover " + failover.toMillis() + " ms, " + drops.size()
                    + " files, " + duplicates + " duplicate(s) (README window)");
            assertTrue(failover.compareTo(DEFAULTS.failoverTime().plus(TAKING_OVER)) <= 0, moment + ": node-b led after "
                    + failover.toMillis() + " ms, more than the documented " + DEFAULTS.failoverTime() + " and "
                    + TAKING_OVER.toMillis() + " ms to take the lock and say so");

            for (Map.Entry<Drop, Long> e : expected.entrySet()) {
                assertEquals((long) e.getValue(), mailsFor(e.getKey()), moment + ": mails for " + e.getKey().name());
            }
            assertEveryMailIsItsOwnFilesResult(moment.toString());
            String survivorsReference = referenceOf(survivor, target).orElseThrow(
                    () -> new AssertionError(moment + ": node-b never received the target"));
            assertTrue(survivor.logContains(survivorsReference + ": delivered"), moment + ": node-b delivered it");
            String status = Http.get(cluster.node("node-b").statusUrl()).body();
            assertTrue(status.contains(survivorsReference) && status.contains(target.name()),
                    moment + ": node-b's status page lists the target among its recent outcomes");
            assertTrue(status.contains("node-b, leader"), moment + ": node-b's status page says it leads");
            assertTrue(status.contains(earlyReference) && status.contains(early.name()),
                    moment + ": node-b's status page lists the submission node-a delivered before it died");
        }
    }

    /** The kill came inside the target's submission: not delivered, its input still there, at the moment's stage. */
    private static void assertKillLanded(KillMoment moment, GatewayProcess leader, String reference, Drop target) {
        String logAtKill = leader.log();
        assertFalse(logAtKill.contains(reference + ": delivered"), moment + ": the kill landed before the end");
        assertTrue(Files.exists(target.input()), moment + ": the kill landed before the input's deletion");
        if (moment != KillMoment.AFTER_MAIL_ACCEPTED) {
            assertEquals(0, mailsFor(target), moment + ": no result accepted before the kill");
        }
        if (moment == KillMoment.WHILE_READING) {
            assertFalse(logAtKill.contains(reference + ": " + moment.rows + " rows,"), "killed while reading");
        }
    }
}

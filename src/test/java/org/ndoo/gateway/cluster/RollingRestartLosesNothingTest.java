package org.ndoo.gateway.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patch applied one node at a time, as the README's "Running two nodes" says, while files keep arriving (one every
 * 300 ms): node-a stopped (SIGTERM), node-b leads, node-a started again as standby, node-b stopped, node-a leads,
 * node-b started again. A normal stop lets in-flight work finish before the node lets go of the lead, so there is no
 * window for a duplicate: every file gets exactly one result, its own, and none is lost. Each leader in turn takes
 * files. The run's files, losses and duplicates go to {@link #FIGURES}.
 */
class RollingRestartLosesNothingTest extends TwoNodesTestSupport {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TRICKLE = Duration.ofMillis(300);
    private static final int ROWS = 20;
    /** Files each leader must have taken before the next step: the trickle surely flows through every phase. */
    private static final int TAKEN_PER_PHASE = 3;

    @Test
    void aSteadyTrickleOfFilesSurvivesEachNodeRestartedInTurn() throws Exception {
        ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trickle");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger dropped = new AtomicInteger();
        AtomicReference<Throwable> dropFailure = new AtomicReference<>();
        try (TwoNodes cluster = new TwoNodes(root.resolve("rolling"), nodeSettings(), INTERVAL)) {
            cluster.start("node-a");
            assertEquals("node-a", cluster.awaitLeader(Duration.ofSeconds(30)), "the first node started leads");
            cluster.start("node-b");
            dropper.scheduleAtFixedRate(() -> {
                int n = dropped.getAndIncrement();
                try {
                    drop("staff" + n % 5 + "@nhs.net", "trickle-" + n + ".csv",
                            SyntheticNhsNumbers.valid(600_000 + n * ROWS, ROWS));
                } catch (RuntimeException | Error e) {
                    dropFailure.compareAndSet(null, e);
                }
            }, 0, TRICKLE.toMillis(), TimeUnit.MILLISECONDS);
            awaitTaken(cluster, "node-a", TAKEN_PER_PHASE);

            Duration toB = handOver(cluster, "node-a", "node-b");
            awaitTaken(cluster, "node-b", TAKEN_PER_PHASE);
            cluster.start("node-a");
            Await.until("node-a back as standby", Duration.ofSeconds(30), () -> cluster.standsBy("node-a"));
            assertTrue(cluster.leads("node-b"), "node-b still leads once node-a is back");

            Duration toA = handOver(cluster, "node-b", "node-a");
            awaitTaken(cluster, "node-a", TAKEN_PER_PHASE);
            cluster.start("node-b");
            Await.until("node-b back as standby", Duration.ofSeconds(30), () -> cluster.standsBy("node-b"));
            int takenBeforeTheEnd = taken(cluster, "node-a");
            awaitTaken(cluster, "node-a", takenBeforeTheEnd + TAKEN_PER_PHASE);
            dropper.shutdown();
            assertTrue(dropper.awaitTermination(10, TimeUnit.SECONDS), "the trickle stopped");
            assertNull(dropFailure.get(), "every file of the trickle was dropped");

            Await.until("every input answered and deleted", Duration.ofSeconds(60), this::everyInputDeleted);
            Await.until("the work area emptied of submissions", Duration.ofSeconds(30),
                    () -> onlyTheNodesThingsLeftIn(workDir()));
            long lost = drops.stream().filter(d -> mailsFor(d) == 0).count();
            long duplicates = drops.stream().mapToLong(d -> Math.max(0, mailsFor(d) - 1)).sum();
            recordFigures("rolling restart (interval " + INTERVAL.toMillis() + " ms): hand-over to node-b "
                    + toB.toMillis() + " ms, back to node-a " + toA.toMillis() + " ms, " + drops.size() + " files, "
                    + lost + " lost, " + duplicates + " duplicate(s)");

            assertEquals(0, lost, "files without a result");
            assertEquals(0, duplicates, "results sent twice");
            assertEquals(drops.size(), mails(), "one result per file");
            assertEveryMailIsItsOwnFilesResult("rolling restart");
            assertTrue(cluster.allLogs().lines().noneMatch(l -> l.contains(": left for the leader")),
                    "a clean stop leaves nothing half done for the other node");
        } finally {
            dropper.shutdownNow();
        }
    }

    /** Stops {@code from} (SIGTERM) and waits until {@code to} leads; returns how long that took from the stop. */
    private static Duration handOver(TwoNodes cluster, String from, String to) {
        assertTrue(cluster.leads(from), from + " leads before its stop");
        Instant stopping = Instant.now();
        cluster.stop(from);
        return cluster.awaitLeads(to, stopping, Duration.ofSeconds(30));
    }

    /** Waits until the running JVM of node {@code id} has taken {@code count} files in all. */
    private static void awaitTaken(TwoNodes cluster, String id, int count) {
        Await.until(id + " taking " + count + " files", Duration.ofSeconds(30), () -> taken(cluster, id) >= count);
    }

    /** How many files the running JVM of node {@code id} has taken, by its "received" lines. */
    private static int taken(TwoNodes cluster, String id) {
        return cluster.process(id).logLines(": received ").size();
    }
}

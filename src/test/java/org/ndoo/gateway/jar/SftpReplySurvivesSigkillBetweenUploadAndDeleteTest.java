package org.ndoo.gateway.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SftpOperationsSeen.Kind;
import org.ndoo.gateway.support.SftpOperationsSeen.Operation;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar is killed with SIGKILL after both reply files were renamed to their final names and before the
 * input was deleted on the server: the server holds the gateway's removal of the input until the gateway is dead, then
 * refuses it. Started again on the same work directory, the gateway reads the input again and answers it again: in
 * the end the input is deleted, the reply folder holds exactly the two files, whole and correct (the permitted
 * numbers of the input, the record naming the CSV's SHA-256), no temporary file is left, and the result was delivered
 * at most twice (the README's one window for a duplicate), never partly or wrongly.
 */
class SftpReplySurvivesSigkillBetweenUploadAndDeleteTest extends SftpReplyTestSupport {

    private static final String INPUT = "killed-cohort.csv";
    private static final String CSV = "killed-cohort-permitted.csv";
    private static final String JSON = "killed-cohort-result.json";

    @Test
    void killedBeforeTheRemoteDeleteTheResultIsDeliveredAtMostTwiceAndWhole() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(400_000, 5_000);
        byte[] expectedCsv = expectedCsv(numbers);
        Path dir = newDir();
        Map<String, String> settings = replySettings(dir);
        HeldRemoval held = new HeldRemoval("/" + REMOTE_DIR + "/" + SUBMITTER + "/" + INPUT);
        sftp.addEventListener(held);
        Path input = push(INPUT, numbers);

        GatewayProcess gateway = startJar(settings, dir);
        try {
            Await.until("the gateway asking the server to remove the input", Duration.ofSeconds(60),
                    () -> held.reached.getCount() == 0);
        } finally {
            gateway.kill();
        }
        held.release.countDown();
        Await.until("the killed gateway's removal refused", Duration.ofSeconds(10), () -> held.refused.getCount() == 0);
        assertTrue(Files.exists(input), "the input is still on the server after the kill");
        assertEquals(1, SEEN.renamesTo(REPLY_FOLDER + "/" + CSV), "the CSV renamed before the input's removal");
        assertEquals(1, SEEN.renamesTo(REPLY_FOLDER + "/" + JSON), "the JSON renamed before the input's removal");
        assertReplyFolderHoldsTheWholeResult(numbers, expectedCsv);

        startJar(settings, dir);
        Await.until("the input deleted by the restarted gateway", Duration.ofSeconds(90), () -> !Files.exists(input));

        assertReplyFolderHoldsTheWholeResult(numbers, expectedCsv);
        long deliveries = SEEN.renamesTo(REPLY_FOLDER + "/" + JSON);
        assertTrue(deliveries == 1 || deliveries == 2, "the result delivered once or twice, not " + deliveries
                + " times");
        for (Operation o : SEEN.in(REPLY_FOLDER)) {
            if (o.kind() == Kind.OPEN_FOR_WRITING || o.kind() == Kind.WRITE) {
                String name = Operation.name(o.path());
                assertTrue(name.startsWith(".") && name.endsWith(".part"), "written only under a temporary name: "
                        + o.kind() + " " + name);
            }
        }
        try (Stream<Path> everything = Files.walk(sftpRoot.resolve(REPLY_DIR))) {
            assertTrue(everything.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no .part left");
        }
    }

    /** What the pushing system finds: exactly the CSV and the JSON, the CSV the input's permitted numbers. */
    private static void assertReplyFolderHoldsTheWholeResult(List<String> numbers, byte[] expectedCsv)
            throws IOException {
        try (Stream<Path> files = Files.list(replyFolder())) {
            assertEquals(List.of(CSV, JSON), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the reply folder holds the two files");
        }
        byte[] csv = Files.readAllBytes(replyFolder().resolve(CSV));
        // compared whole, never printed: numbers stay out of test output
        assertTrue(java.util.Arrays.equals(expectedCsv, csv), "the CSV is the input's permitted numbers, "
                + csv.length + " bytes of the expected " + expectedCsv.length);
        assertDeliveredRecord(Files.readAllBytes(replyFolder().resolve(JSON)), INPUT, numbers, csv);
    }

    /**
     * Holds the first removal of {@code path} until {@link #release}, then refuses it: by then the gateway that asked
     * is dead, so the input must stay for the next run.
     */
    private static final class HeldRemoval implements SftpEventListener {

        private final String path;
        private final AtomicBoolean seen = new AtomicBoolean();
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch refused = new CountDownLatch(1);

        HeldRemoval(String path) {
            this.path = path;
        }

        @Override
        public void removing(ServerSession session, Path file, boolean isDirectory) throws IOException {
            if (file.toAbsolutePath().normalize().toString().equals(path) && seen.compareAndSet(false, true)) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                refused.countDown();
                throw new IOException("refused by the test: the gateway that asked was killed");
            }
        }
    }
}

package org.ndoo.gateway.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.SftpOperationsSeen.Kind;
import org.ndoo.gateway.support.SftpOperationsSeen.Operation;
import org.ndoo.gateway.support.SftpTestClient;
import org.ndoo.gateway.support.SftpTestServer;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pushing system's poller, an SFTP session of its own, lists the reply folder over and over while the packaged
 * jar uploads a result that takes many SFTP writes, and reads every file under a final name (not starting with '.')
 * as soon as it is listed. It never reads a partial file: every read of the CSV is the whole result, every read of
 * the JSON parses and names the CSV's SHA-256, and the JSON is never listed without the CSV. The server's own record
 * agrees: every file in the reply folder is opened and written only under its {@code .<name>.part} name, the CSV is
 * renamed to its final name before the JSON, and the input is removed only after both renames.
 */
class SftpReplyIsNeverSeenHalfWrittenTest extends SftpReplyTestSupport {

    private static final String INPUT = "nightly-cohort.csv";
    private static final String CSV = "nightly-cohort-permitted.csv";
    private static final String JSON = "nightly-cohort-result.json";

    @Test
    void thePollerOnlyEverReadsWholeFiles() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(300_000, 40_000);
        byte[] expectedCsv = expectedCsv(numbers);
        Path dir = newDir();
        Path input = push(INPUT, numbers);
        Poller poller = Poller.start(sftp, REPLY_DIR + "/" + SUBMITTER);
        try {
            startJar(replySettings(dir), dir);
            Await.until("the input deleted and the result record read by the poller", Duration.ofSeconds(90),
                    () -> !Files.exists(input) && poller.readsOf(JSON) > 0 || poller.failure.get() != null);
            poller.finishRound();
        } finally {
            poller.stop();
        }

        assertFalse(poller.listings.isEmpty(), "the poller listed the folder");
        for (List<String> listing : poller.listings) {
            assertTrue(!listing.contains(JSON) || listing.contains(CSV), "the JSON is never listed without the CSV");
            listing.stream().filter(name -> name.contains(".part")).forEach(name -> assertTrue(name.startsWith("."),
                    "a temporary name is hidden: " + name));
        }
        assertTrue(poller.readsOf(CSV) > 0, "the poller read the CSV");
        for (Read read : poller.reads) {
            if (read.name().equals(CSV)) {
                assertEquals(expectedCsv.length, read.length(), "every read of the CSV is whole");
                assertEquals(sha256(expectedCsv), read.sha256(), "every read of the CSV is the result");
            } else {
                assertEquals(JSON, read.name(), "only the two result files appear under a final name");
                assertDeliveredRecord(read.json(), INPUT, numbers, expectedCsv);
            }
        }
        assertTheServerWasOnlyEverAskedForSafeSteps(input);
        assertReplyFolderHoldsTheResult(INPUT, numbers);
    }

    private static void assertTheServerWasOnlyEverAskedForSafeSteps(Path input) {
        assertWrittenOnlyUnderTemporaryNames();
        List<Operation> reply = SEEN.in(REPLY_FOLDER);
        long csvWrites = reply.stream().filter(o -> o.kind() == Kind.WRITE
                && o.path().equals(REPLY_FOLDER + "/." + CSV + ".part")).count();
        assertTrue(csvWrites > 1, "the CSV took several writes (" + csvWrites + ")");
        List<Operation> renames = reply.stream().filter(o -> o.kind() == Kind.RENAME).toList();
        assertEquals(List.of(new Operation(Kind.RENAME, REPLY_FOLDER + "/." + CSV + ".part", REPLY_FOLDER + "/" + CSV),
                new Operation(Kind.RENAME, REPLY_FOLDER + "/." + JSON + ".part", REPLY_FOLDER + "/" + JSON)), renames,
                "the CSV renamed to its final name, then the JSON");
        List<Operation> all = SEEN.all();
        String inputPath = "/" + sftpRoot.relativize(input).toString().replace('\\', '/');
        int removed = all.indexOf(new Operation(Kind.REMOVE, inputPath, null));
        assertTrue(removed > all.indexOf(renames.get(1)), "the input removed after the JSON's rename");
    }

    /** One read of a file under a final name: its length and SHA-256, and its content if it is the JSON. */
    private record Read(String name, int length, String sha256, byte[] json) {

        static Read of(String name, byte[] content) {
            String digest = SftpReplyTestSupport.sha256(content);
            return new Read(name, content.length, digest, name.endsWith(".json") ? content : null);
        }
    }

    /** The pushing system's poller: lists the folder and reads every file under a final name, round after round. */
    private static final class Poller implements Runnable {

        private final SftpTestClient client;
        private final String folder;
        private final Thread thread;
        private final AtomicInteger rounds = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stopped;
        final List<List<String>> listings = new CopyOnWriteArrayList<>();
        final List<Read> reads = new CopyOnWriteArrayList<>();

        private Poller(SftpTestClient client, String folder) {
            this.client = client;
            this.folder = folder;
            this.thread = new Thread(this, "test-sftp-poller");
        }

        static Poller start(SftpTestServer server, String folder) throws IOException {
            Poller poller = new Poller(SftpTestClient.connect(server), folder);
            poller.thread.start();
            return poller;
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    List<String> names = client.names(folder);
                    listings.add(names);
                    for (String name : names) {
                        if (!name.startsWith(".")) {
                            reads.add(Read.of(name, client.read(folder + "/" + name)));
                        }
                    }
                    rounds.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        }

        long readsOf(String name) {
            return reads.stream().filter(r -> r.name().equals(name)).count();
        }

        /** Waits until a whole round has begun and ended after this call. */
        void finishRound() {
            int now = rounds.get();
            Await.until("one more whole round of the poller", Duration.ofSeconds(30),
                    () -> rounds.get() >= now + 2 || failure.get() != null);
        }

        void stop() throws Exception {
            stopped = true;
            thread.join(Duration.ofSeconds(30).toMillis());
            client.close();
            if (failure.get() != null) {
                throw new AssertionError("the poller failed", failure.get());
            }
        }
    }
}

package org.ndoo.gateway.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SftpHeldOperation;
import org.ndoo.gateway.support.SftpOperationsSeen.Kind;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SFTP server goes down while the packaged jar is uploading a result (its first write to the CSV's temporary name
 * held, then the server stopped): the gateway leaves the submission for later ("the input stays and is tried again
 * from ..."), the input stays on the server and nothing appears under a final name. Once the server is back the same
 * gateway completes it: the reply folder holds exactly the two files, whole and correct, delivered once, and the input
 * is deleted.
 */
class SftpOutageDuringTheReplyKeepsTheInputTest extends SftpReplyTestSupport {

    private static final String INPUT = "outage-cohort.csv";
    private static final String CSV = "outage-cohort-permitted.csv";
    private static final String JSON = "outage-cohort-result.json";

    @Test
    void theInputStaysThroughTheOutageAndTheResultArrivesWholeOnceTheServerIsBack() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(500_000, 5_000);
        Path dir = newDir();
        Map<String, String> settings = replySettings(dir);
        // retried in place briefly, then left for later and tried again soon: the test does not wait for minutes
        settings.put("gateway.retry.attempts", "2");
        settings.put("gateway.retry.delay", "100");
        settings.put("gateway.retry.max-delay", "200");
        settings.put("gateway.retry.resubmit-first-delay", "500ms");
        settings.put("gateway.retry.resubmit-max-delay", "1s");
        SftpHeldOperation held = new SftpHeldOperation(Kind.WRITE, REPLY_FOLDER + "/." + CSV + ".part");
        sftp.addEventListener(held);
        Path input = push(INPUT, numbers);

        GatewayProcess gateway = startJar(settings, dir);
        held.awaitReached(Duration.ofSeconds(60));
        // the server stops with the write still held; the held write is refused whichever ends first
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(
                SftpOutageDuringTheReplyKeepsTheInputTest::stopServer);
        try {
            held.release();
            stopping.get(30, TimeUnit.SECONDS);
            Await.until("the submission left for later", Duration.ofSeconds(60),
                    () -> gateway.logContains("; the input stays and is tried again from "));
            assertTrue(Files.exists(input), "the input stays on the server while it is down");
            assertEquals(0, SEEN.renamesTo(REPLY_FOLDER + "/" + CSV), "nothing renamed to a final name");
            assertFalse(Files.exists(replyFolder().resolve(CSV)) || Files.exists(replyFolder().resolve(JSON)),
                    "nothing under a final name while the server is down");
        } finally {
            sftp.start();
        }

        Await.until("the input deleted once the server is back", Duration.ofSeconds(90), () -> !Files.exists(input));
        assertReplyFolderHoldsTheResult(INPUT, numbers);
        assertEquals(1, SEEN.renamesTo(REPLY_FOLDER + "/" + JSON), "the result delivered once");
        assertWrittenOnlyUnderTemporaryNames();
        assertFalse(gateway.logContains(": gave-up"), "the gateway did not give up");
    }

    private static void stopServer() {
        try {
            sftp.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

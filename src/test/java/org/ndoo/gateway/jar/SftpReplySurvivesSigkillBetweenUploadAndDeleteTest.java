package org.ndoo.gateway.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SftpHeldOperation;
import org.ndoo.gateway.support.SftpOperationsSeen.Kind;
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
        Path dir = newDir();
        Map<String, String> settings = replySettings(dir);
        SftpHeldOperation held = new SftpHeldOperation(Kind.REMOVE, "/" + REMOTE_DIR + "/" + SUBMITTER + "/" + INPUT);
        sftp.addEventListener(held);
        Path input = push(INPUT, numbers);

        GatewayProcess gateway = startJar(settings, dir);
        try {
            held.awaitReached(Duration.ofSeconds(60));
        } finally {
            gateway.kill();
        }
        held.release();
        assertTrue(Files.exists(input), "the input is still on the server after the kill");
        assertEquals(1, SEEN.renamesTo(REPLY_FOLDER + "/" + CSV), "the CSV renamed before the input's removal");
        assertEquals(1, SEEN.renamesTo(REPLY_FOLDER + "/" + JSON), "the JSON renamed before the input's removal");
        assertReplyFolderHoldsTheResult(INPUT, numbers);

        startJar(settings, dir);
        Await.until("the input deleted by the restarted gateway", Duration.ofSeconds(90), () -> !Files.exists(input));

        assertReplyFolderHoldsTheResult(INPUT, numbers);
        long deliveries = SEEN.renamesTo(REPLY_FOLDER + "/" + JSON);
        assertTrue(deliveries == 1 || deliveries == 2, "the result delivered once or twice, not " + deliveries
                + " times");
        assertWrittenOnlyUnderTemporaryNames();
        try (Stream<Path> everything = Files.walk(sftpRoot.resolve(REPLY_DIR))) {
            assertTrue(everything.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no .part left");
        }
    }
}

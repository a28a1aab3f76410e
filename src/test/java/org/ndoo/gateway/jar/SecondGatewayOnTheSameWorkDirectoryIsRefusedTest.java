package org.ndoo.gateway.jar;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two jars on the same inbox and work directory (other ports): the second stops at start-up with one line naming the
 * first (host and pid) and never consumes; the first answers the file alone, once. Before, both ran and took the same
 * inbox.
 */
class SecondGatewayOnTheSameWorkDirectoryIsRefusedTest extends JarTestSupport {

    @Test
    void theSecondGatewayNamesTheFirstAndExits() throws Exception {
        Path dir = newDir();
        Map<String, String> settings = smtp(settings(dir));
        GatewayProcess first = startJar(settings, dir);

        GatewayProcess second = launchJar(settings, List.of(), dir.resolve("second.log"));
        assertEquals(1, second.awaitExit(Duration.ofSeconds(60)), "the second gateway's exit status");
        List<String> refusal = second.logLines("Not started: ");
        assertEquals(1, refusal.size(), second.log());
        String line = refusal.get(0);
        assertTrue(line.contains("Another gateway is running on the work directory " + logged(dir.resolve("work"))), line);
        assertTrue(line.contains("host " + InetAddress.getLocalHost().getHostName() + ", pid " + first.pid()), line);
        assertFalse(second.logContains(GatewayProcess.READY), "the second never became ready");
        assertFalse(second.logContains("Started shared-folder-intake"), "the second never watched the inbox");

        List<String> numbers = SyntheticNhsNumbers.valid(100, 10);
        Path input = drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(numbers));
        assertEquals(SUBMITTER, Mails.to(awaitSmtpMail()));
        assertTrue(first.isAlive());
        Await.until("the input deleted", Duration.ofSeconds(20), () -> !Files.exists(input));
        assertEquals(1, MAIL.getReceivedMessages().length, "answered once");
    }
}

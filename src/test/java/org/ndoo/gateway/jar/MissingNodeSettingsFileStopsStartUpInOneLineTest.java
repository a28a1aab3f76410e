package org.ndoo.gateway.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node started with {@code camel.main.override-properties-location} naming a file that is not there (a typo in the
 * unit, the file not yet copied to the host): the jar stops with one line naming the file and where the gateway
 * looks for its settings, exit status 1, and consumes nothing. Before, Camel's FileNotFoundException came out as a
 * stack trace.
 */
class MissingNodeSettingsFileStopsStartUpInOneLineTest extends JarTestSupport {

    @Test
    void theMissingFileIsNamedInOneLine() throws Exception {
        Path dir = newDir();
        Path waiting = drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(SyntheticNhsNumbers.valid(0, 3)));
        Map<String, String> settings = settings(dir);
        Path missing = dir.resolve("etc/node.properties");
        settings.put("camel.main.override-properties-location", "file:" + missing);

        GatewayProcess gateway = launchJar(settings, List.of(), dir.resolve("gateway.log"));

        assertEquals(1, gateway.awaitExit(Duration.ofSeconds(60)), "exit status; log: " + gateway.log());
        List<String> refusal = gateway.logLines("Not started: ");
        assertEquals(1, refusal.size(), gateway.log());
        // the log masks digit runs, paths included (logged)
        assertTrue(refusal.get(0).contains("Not started: a file it needs is missing (" + logged(missing)),
                refusal.get(0));
        assertTrue(refusal.get(0).contains("camel.main.override-properties-location"), refusal.get(0));
        assertFalse(gateway.logContains("Exception"), "no stack trace: " + gateway.log());
        assertFalse(gateway.logContains(GatewayProcess.READY), "never ready");
        assertTrue(Files.exists(waiting), "the waiting file was not consumed");
    }
}

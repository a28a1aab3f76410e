package org.ndoo.gateway.jar;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web front door's port or the management port (status page, health, metrics) already taken: the jar stops at start-up with one line naming the port and its
 * setting, exit status 1, and leaves a file already waiting in the inbox alone. Before, it logged a BindException and
 * went on consuming the inbox.
 */
class BusyPortStopsStartUpTest extends JarTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"gateway.web.port", "gateway.observe.port"})
    void aBusyPortIsOneLineAndNoConsumer(String setting) throws Exception {
        Path dir = newDir();
        Path waiting = drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(SyntheticNhsNumbers.valid(0, 3)));
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Map<String, String> settings = settings(dir);
            settings.put(setting, Integer.toString(taken.getLocalPort()));
            GatewayProcess gateway = launchJar(settings, List.of(), dir.resolve("gateway.log"));

            assertEquals(1, gateway.awaitExit(Duration.ofSeconds(60)), "exit status");
            List<String> refusal = gateway.logLines("Not started: ");
            assertEquals(1, refusal.size(), gateway.log());
            assertTrue(refusal.get(0).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (" + setting),
                    refusal.get(0));
            assertFalse(gateway.logContains("BindException"), gateway.log());
            assertFalse(gateway.logContains("Exception"), "no stack trace: " + gateway.log());
            assertTrue(Files.exists(waiting), "the waiting file was not consumed");
        }
    }
}

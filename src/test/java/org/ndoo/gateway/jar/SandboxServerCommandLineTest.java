package org.ndoo.gateway.jar;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/ndoo-gateway.jar sandbox-server --help} prints its usage and exits 0; on a port in use it
 * says so in one line and exits non-zero, with no stack trace.
 */
class SandboxServerCommandLineTest extends JarTestSupport {

    @Test
    void helpPrintsTheUsage() {
        Path dir = newDir();
        GatewayProcess help = launchJar(Map.of(), List.of("sandbox-server", "--help"), dir.resolve("help.log"));
        assertEquals(0, help.awaitExit(Duration.ofSeconds(30)), help.log());
        assertTrue(help.log().startsWith("Usage: java -jar target/ndoo-gateway.jar sandbox-server [--port N]"),
                help.log());
        assertTrue(help.log().contains("--optouts FILE"), help.log());
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        Path dir = newDir();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            GatewayProcess server = launchJar(Map.of(), List.of("sandbox-server", "--port",
                    Integer.toString(taken.getLocalPort())), dir.resolve("busy.log"));
            int status = server.awaitExit(Duration.ofSeconds(30));
            assertTrue(status != 0, "non-zero exit status");
            List<String> lines = server.log().lines().toList();
            assertEquals(1, lines.size(), server.log());
            assertTrue(lines.get(0).startsWith("sandbox-server: cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    lines.get(0));
        }
    }
}

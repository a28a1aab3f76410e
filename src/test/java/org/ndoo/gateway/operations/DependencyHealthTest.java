package org.ndoo.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyHealthTest {

    @TempDir
    Path dir;

    @Test
    void allUpWithFoldersInPlaceAndServersListening() throws IOException {
        try (ServerSocket lookup = listening(); ServerSocket smtp = listening()) {
            DependencyHealth health = new DependencyHealth(
                    new DependencyHealth.Folders(folder("inbox"), folder("work"), 1),
                    new DependencyHealth.Lookup("http", "http://127.0.0.1:" + lookup.getLocalPort() + "/opt-out-lookup",
                            "https://unused"),
                    new DependencyHealth.Mail("smtp", dir.resolve("outbox").toString(), "127.0.0.1", smtp.getLocalPort()));

            List<DependencyHealth.Check> checks = health.all();

            assertEquals(List.of("inbox", "work-directory", "lookup", "mail-server"),
                    checks.stream().map(DependencyHealth.Check::name).toList());
            assertTrue(checks.stream().allMatch(DependencyHealth.Check::up), checks.toString());
            assertTrue(checks.get(2).detail().contains("127.0.0.1:" + lookup.getLocalPort() + " reachable"));
        }
    }

    @Test
    void aMissingInboxIsDown() {
        DependencyHealth.Check inbox = health(dir.resolve("no-such-folder").toString(), 1).inbox();

        assertFalse(inbox.up());
        assertTrue(inbox.detail().endsWith("is not a folder"), inbox.detail());
    }

    @Test
    void aWorkDirectoryBelowTheFreeSpaceLimitIsDown() throws IOException {
        DependencyHealth.Check work = health(folder("inbox"), Long.MAX_VALUE / (1024 * 1024)).workDirectory();

        assertFalse(work.up());
        assertTrue(work.detail().contains("MB free, below"), work.detail());
    }

    @Test
    void aServerThatRefusesConnectionsIsNotReachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = listening()) {
            closedPort = socket.getLocalPort();
        }
        DependencyHealth health = new DependencyHealth(
                new DependencyHealth.Folders(folder("inbox"), folder("work"), 1),
                new DependencyHealth.Lookup("mesh", "http://unused", "https://127.0.0.1:" + closedPort),
                new DependencyHealth.Mail("smtp", "outbox", "127.0.0.1", closedPort));

        assertFalse(health.lookup().up());
        assertTrue(health.lookup().detail().startsWith("mesh lookup 127.0.0.1:" + closedPort + " not reachable"));
        assertFalse(health.mailServer().up());
    }

    @Test
    void theSandboxAndAWritablePickupFolderNeedNoServer() throws IOException {
        DependencyHealth health = health(folder("inbox"), 1);

        assertTrue(health.lookup().up());
        assertTrue(health.mailServer().up(), health.mailServer().detail());
    }

    private DependencyHealth health(String inbox, long minFreeMegabytes) {
        return new DependencyHealth(
                new DependencyHealth.Folders(inbox, dir.resolve("work").toString(), minFreeMegabytes),
                new DependencyHealth.Lookup("sandbox", "http://unused", "https://unused"),
                new DependencyHealth.Mail("pickup", dir.resolve("outbox").toString(), "127.0.0.1", 25));
    }

    private String folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name)).toString();
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }
}

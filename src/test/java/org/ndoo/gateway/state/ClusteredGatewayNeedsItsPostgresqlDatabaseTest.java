package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.startup.StartupRefused;
import org.ndoo.gateway.support.PostgresTestServer;

/**
 * A clustered gateway keeps its state in PostgreSQL or does not start: without a jdbc:postgresql: URL (empty, or
 * another database's) the start is refused naming gateway.state.jdbc-url; so it is when the database cannot be
 * reached or the password is wrong (the password never shown). Not clustered, the settings stay as they were.
 */
class ClusteredGatewayNeedsItsPostgresqlDatabaseTest {

    private static Map<String, String> clustered(String url) {
        Map<String, String> settings = new HashMap<>();
        settings.put("camel.cluster.file.enabled", "true");
        settings.put(StateSettings.JDBC_URL, url);
        return settings;
    }

    private static String refusal(Map<String, String> settings) {
        return assertThrows(StartupRefused.class, () -> StateSettings.check(settings::get)).getMessage();
    }

    @Test
    void clusteredWithoutAPostgresqlUrlIsRefusedNamingTheKey() {
        assertTrue(refusal(clustered("")).startsWith("gateway.state.jdbc-url must be a jdbc:postgresql:"),
                refusal(clustered("")));
        String h2 = refusal(clustered("jdbc:h2:file:work/state/mesh-waits"));
        assertTrue(h2.startsWith("gateway.state.jdbc-url ") && h2.contains("jdbc:h2:file:"), h2);
        String hidden = refusal(clustered("jdbc:mysql://db/gateway?password=secret-here"));
        assertFalse(hidden.contains("secret-here"), hidden);

        Map<String, String> otherService = new HashMap<>(Map.of("camel.beans.clusterService", "#class:x.Service"));
        assertTrue(refusal(otherService).startsWith("gateway.state.jdbc-url "), "another cluster service too");

        assertDoesNotThrow(() -> StateSettings.check(clustered("jdbc:postgresql://db.example.org:5432/gateway")::get));
        Map<String, String> alone = new HashMap<>(Map.of(StateSettings.JDBC_URL, ""));
        assertDoesNotThrow(() -> StateSettings.check(alone::get), "alone, the embedded store as before");
        alone.put("camel.cluster.file.enabled", "false");
        alone.put(StateSettings.JDBC_URL, "jdbc:h2:file:work/state/mesh-waits");
        assertDoesNotThrow(() -> StateSettings.check(alone::get));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsRefusedInOneLineNamingTheKey() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String unreachable = assertThrows(StartupRefused.class, () -> StateDatabase.open(
                "jdbc:postgresql://127.0.0.1:" + closed + "/gateway", "gateway", "pw")).getMessage();
        assertTrue(unreachable.startsWith("gateway.state.jdbc-url jdbc:postgresql://127.0.0.1:" + closed
                + "/gateway cannot be reached"), unreachable);
        assertFalse(unreachable.contains("\n"), "one line");

        PostgresTestServer server = PostgresTestServer.shared();
        String wrongPassword = assertThrows(StartupRefused.class, () -> StateDatabase.open(server.jdbcUrl(),
                server.username(), "not-the-password")).getMessage();
        assertTrue(wrongPassword.startsWith("gateway.state.jdbc-url "), wrongPassword);
        assertTrue(wrongPassword.contains("password authentication failed"), wrongPassword);
        assertFalse(wrongPassword.contains("not-the-password"), "the password is never shown");
    }
}

package org.ndoo.gateway.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.PostgresTestServer;
import org.ndoo.gateway.support.StateDatabases;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged jar, clustered, on a real PostgreSQL: it makes its schema at start-up with Flyway from inside the jar
 * (classpath:db/migration, Flyway's PostgreSQL support and the PostgreSQL driver all found in the one jar) and keeps
 * its outcomes there; a database it cannot log in to stops the start in one line naming gateway.state.jdbc-url.
 */
class JarKeepsItsClusteredStateInPostgresqlTest extends JarTestSupport {

    private static Map<String, String> clustered(Path dir, String database, String password) throws IOException {
        PostgresTestServer server = PostgresTestServer.shared();
        Map<String, String> s = settings(dir);
        s.put("camel.cluster.file.enabled", "true");
        s.put("camel.cluster.file.root", dir.resolve("cluster").toString());
        s.put("camel.cluster.file.id", "node-a");
        s.put("gateway.state.jdbc-url", server.createDatabase(database));
        s.put("gateway.state.username", server.username());
        s.put("gateway.state.password-file", Files.writeString(dir.resolve("state-password"), password).toString());
        return s;
    }

    @Test
    void theJarMigratesItsSchemaAndKeepsItsOutcomesThere() throws IOException {
        Path dir = newDir();
        GatewayProcess gateway = startJar(clustered(dir, "jar_state", PostgresTestServer.shared().password()), dir);

        JdbcTemplate jdbc = StateDatabases.connect("jar_state");
        assertEquals(List.of("1"), jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success",
                String.class), "the jar's migration ran");
        drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(SyntheticNhsNumbers.valid(200, 12)));
        awaitPickupMail(dir.resolve("outbox"));
        Await.until("the outcome in the shared database", Duration.ofSeconds(20),
                () -> StateDatabases.rows(jdbc, "submission_outcomes") == 1);
        assertEquals("delivered", jdbc.queryForObject("SELECT outcome FROM submission_outcomes", String.class));
        assertTrue(gateway.isAlive());
    }

    @Test
    void aDatabaseItCannotLogInToStopsTheStartInOneLine() throws IOException {
        Path dir = newDir();
        GatewayProcess gateway = launchJar(clustered(dir, "jar_refused", "not-the-password"), List.of(),
                dir.resolve("gateway.log"));

        assertEquals(1, gateway.awaitExit(Duration.ofSeconds(60)), "exit status; log: " + gateway.log());
        List<String> refusal = gateway.logLines("Not started: ");
        assertEquals(1, refusal.size(), gateway.log());
        assertTrue(refusal.get(0).contains("Not started: gateway.state.jdbc-url jdbc:postgresql://"), refusal.get(0));
        assertTrue(refusal.get(0).contains("password authentication failed"), refusal.get(0));
        assertFalse(gateway.logContains("not-the-password"), "the password is never logged");
        assertFalse(gateway.logContains("Exception"), "no stack trace: " + gateway.log());
        assertFalse(gateway.logContains(GatewayProcess.READY), "never ready");
    }
}

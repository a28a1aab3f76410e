package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.PostgresTestServer;

/**
 * The tests' PostgreSQL ({@link PostgresTestServer}) is a real server: it answers SQL over JDBC as PostgreSQL, checks
 * passwords, lives in a private folder, and is gone (port closed, folder deleted) once stopped.
 */
class TestsGetARealPostgresqlServerTest {

    @Test
    void answersSqlAsPostgresqlAndRefusesAWrongPassword() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS round_trip (id SERIAL PRIMARY KEY, said TEXT NOT NULL)");
            s.execute("INSERT INTO round_trip (said) VALUES ('hello')");
            try (ResultSet r = s.executeQuery("SELECT said, version(), current_user,"
                    + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) FROM round_trip LIMIT 1")) {
                assertTrue(r.next());
                assertEquals("hello", r.getString(1));
                assertTrue(r.getString(2).startsWith("PostgreSQL "), r.getString(2));
                assertEquals("gateway", r.getString(3));
                assertFalse(r.getBoolean(4), "the gateway's role is not a superuser");
            }
            s.execute("DROP TABLE round_trip");
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password() + "x"));
        assertEquals("28P01", refused.getSQLState(), "invalid password");
    }

    @Test
    void aCreatedDatabaseIsEmptyAndOwnedByTheGateway() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String url = server.createDatabase("fresh_one");
        try (Connection c = DriverManager.getConnection(url, server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE left_behind (id INT)");
        }
        url = server.createDatabase("fresh_one");
        try (Connection c = DriverManager.getConnection(url, server.username(), server.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'public'")) {
            assertTrue(r.next());
            assertEquals(0, r.getInt(1), "a database made again starts empty");
        }
    }

    @Test
    void aStoppedServerClosesItsPortAndDeletesItsFolder() throws IOException, SQLException {
        PostgresTestServer server = PostgresTestServer.start();
        Path folder = server.folder();
        int port = server.port();
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
                assertTrue(c.isValid(5));
            }
        } finally {
            server.stop();
        }
        assertFalse(Files.exists(folder), "the folder is deleted");
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }, "the port is closed");
    }
}

package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.StateDatabases;
import org.ndoo.gateway.web.WebSessions;
import org.ndoo.gateway.web.WebUser;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clustered, the front door's sign-in links and sessions are in PostgreSQL: a link sent by one node works once on
 * any node, a person signed in on one node is signed in on the other (same csrf token), signing out on one ends the
 * session on both; the tables hold only hashes of the tokens, never a token.
 */
class SignedInOnOneNodeStaysSignedInOnTheOtherTest {

    private static StateDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = StateDatabases.fresh("sessions_nodes");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private static WebSessions node() {
        return new WebSessions(new PostgresWebSessions(database.dataSource()), Duration.ofMinutes(15),
                Duration.ofMinutes(60), Clock.systemUTC());
    }

    @Test
    void aLinkWorksOnceOnAnyNodeAndTheSessionOnEveryNode() {
        WebSessions a = node();
        WebSessions b = node();

        String link = a.newLink("analyst@nhs.net");
        assertEquals("analyst@nhs.net", b.useLink(link), "a link sent by one node works on the other");
        assertNull(a.useLink(link), "once");

        String session = b.start("analyst@nhs.net");
        WebUser onA = a.user(session);
        assertNotNull(onA, "signed in on the other node");
        assertEquals("analyst@nhs.net", onA.address());
        assertEquals(b.user(session).csrf(), onA.csrf(), "the same csrf token on every node");
        assertNotNull(node().user(session), "and on a node started afresh");

        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        String kept = hex(jdbc, "web_sessions") + hex(jdbc, "web_sign_in_links");
        assertFalse(kept.contains(HexFormat.of().formatHex(session.getBytes())), "no session id is kept");
        assertFalse(kept.contains(HexFormat.of().formatHex(onA.csrf().getBytes())), "no csrf token is kept");

        a.end(session);
        assertNull(b.user(session), "signed out on one node, signed out on all");
    }

    private static String hex(JdbcTemplate jdbc, String table) {
        List<String> rows = jdbc.queryForList("SELECT encode(token_hash, 'hex') || address || expires_at::text FROM "
                + table, String.class);
        return String.join(" ", rows);
    }
}

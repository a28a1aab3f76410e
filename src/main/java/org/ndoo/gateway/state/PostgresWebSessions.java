package org.ndoo.gateway.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.ndoo.gateway.web.WebSessions;
import org.ndoo.gateway.web.WebSessions.Link;
import org.ndoo.gateway.web.WebSessions.Session;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The front door's sign-in links and sessions of a cluster, in the shared tables {@code web_sign_in_links} and
 * {@code web_sessions}: the SHA-256 hash of each token (never the token), the address and the expiry. A person signed
 * in on one node stays signed in on the others; a link is taken by one statement, so it works once across nodes.
 */
public final class PostgresWebSessions implements WebSessions.Store {

    private final JdbcTemplate jdbc;

    public PostgresWebSessions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void putLink(Link link) {
        jdbc.update("INSERT INTO web_sign_in_links (token_hash, address, expires_at) VALUES (?, ?, ?)", link.hash(),
                link.address(), Timestamp.from(link.expires()));
    }

    @Override
    public Link takeLink(byte[] hash) {
        List<Link> taken = jdbc.query("DELETE FROM web_sign_in_links WHERE token_hash = ?"
                + " RETURNING token_hash, address, expires_at",
                (r, i) -> new Link(r.getBytes(1), r.getString(2), PostgresBoardStore.instant(r, 3)), (Object) hash);
        return taken.isEmpty() ? null : taken.get(0);
    }

    @Override
    public void putSession(Session session) {
        jdbc.update("INSERT INTO web_sessions (token_hash, address, expires_at) VALUES (?, ?, ?)", session.hash(),
                session.address(), Timestamp.from(session.expires()));
    }

    @Override
    public Session session(byte[] hash) {
        List<Session> found = jdbc.query("SELECT token_hash, address, expires_at FROM web_sessions"
                + " WHERE token_hash = ?",
                (r, i) -> new Session(r.getBytes(1), r.getString(2), PostgresBoardStore.instant(r, 3)), (Object) hash);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public void endSession(byte[] hash) {
        jdbc.update("DELETE FROM web_sessions WHERE token_hash = ?", (Object) hash);
    }

    @Override
    public void purge(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("DELETE FROM web_sign_in_links WHERE expires_at <= ?", at);
        jdbc.update("DELETE FROM web_sessions WHERE expires_at <= ?", at);
    }
}

package org.ndoo.gateway.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.ndoo.gateway.web.WebHistory;
import org.ndoo.gateway.web.WebHistory.Check;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web history of a cluster, so that /checks shows a person the same checks on every node: the checks handed in
 * (table {@code web_checks_received}, by the address that sent them) and those that ended (the board's
 * {@code submission_outcomes} of the web, kept for the history's days by {@link PostgresBoardStore}). Addresses,
 * masked names and counts only.
 */
public final class PostgresWebHistory implements WebHistory.Store {

    private final JdbcTemplate jdbc;

    public PostgresWebHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void received(Check check, String owner, Instant since) {
        jdbc.update("DELETE FROM web_checks_received WHERE received_at < ?", Timestamp.from(since));
        jdbc.update("INSERT INTO web_checks_received (reference, submitter, sent, received_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (reference) DO NOTHING", check.reference(), owner,
                PostgresBoardStore.masked(check.sent()), Timestamp.from(check.receivedAt()));
    }

    @Override
    public List<Check> received(String owner) {
        return jdbc.query("SELECT reference, sent, received_at FROM web_checks_received WHERE submitter = ?",
                (r, i) -> new Check(r.getString(1), r.getString(2), PostgresBoardStore.instant(r, 3), false,
                        "received, about to start", 0, 0, 0, 0, 0, 0, 0, ""), owner);
    }

    @Override
    public List<Check> ended(String owner, Instant since) {
        return jdbc.query("SELECT reference, file_name, received_at, outcome, rows_read, valid, invalid, duplicates,"
                + " checked, permitted, withheld, reason FROM submission_outcomes"
                + " WHERE source = 'web' AND lower(submitter) = ? AND received_at >= ?",
                (r, i) -> new Check(r.getString(1), WebHistory.sent(r.getString(2)), PostgresBoardStore.instant(r, 3),
                        true, r.getString(4), r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9),
                        r.getLong(10), r.getLong(11), r.getString(12)), owner, Timestamp.from(since));
    }
}

package org.ndoo.gateway.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.retry.RetrySchedule.Attempts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retry schedule's attempts of a cluster in the shared table {@code retry_attempts}, by input key: the first and
 * last attempt and their count, so that a new leader goes on counting and the maximum age still counts from the
 * first attempt, whichever node made it.
 */
public final class PostgresRetryAttempts implements RetrySchedule.AttemptStore {

    private final JdbcTemplate jdbc;

    public PostgresRetryAttempts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void begin(String input, Instant now) {
        jdbc.update("INSERT INTO retry_attempts (input_key, first_attempt, last_attempt, attempts) VALUES (?, ?, ?, 1)"
                + " ON CONFLICT (input_key) DO UPDATE SET last_attempt = EXCLUDED.last_attempt,"
                + " attempts = retry_attempts.attempts + 1", InputKey.of(input), Timestamp.from(now),
                Timestamp.from(now));
    }

    @Override
    public void put(String input, Attempts a) {
        jdbc.update("INSERT INTO retry_attempts (input_key, first_attempt, last_attempt, attempts) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (input_key) DO UPDATE SET first_attempt = EXCLUDED.first_attempt,"
                + " last_attempt = EXCLUDED.last_attempt, attempts = EXCLUDED.attempts", InputKey.of(input),
                Timestamp.from(a.first()), Timestamp.from(a.last()), a.count());
    }

    @Override
    public Attempts get(String input) {
        List<Attempts> found = jdbc.query("SELECT first_attempt, last_attempt, attempts FROM retry_attempts"
                + " WHERE input_key = ?", (r, i) -> new Attempts(PostgresBoardStore.instant(r, 1),
                        PostgresBoardStore.instant(r, 2), r.getInt(3)), InputKey.of(input));
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public void remove(String input) {
        jdbc.update("DELETE FROM retry_attempts WHERE input_key = ?", InputKey.of(input));
    }
}

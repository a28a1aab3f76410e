package org.ndoo.gateway.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.operations.BoardStore;
import org.ndoo.gateway.operations.SubmissionBoard;
import org.ndoo.gateway.operations.SubmissionBoard.InFlight;
import org.ndoo.gateway.operations.SubmissionBoard.Outcome;
import org.ndoo.gateway.operations.SubmissionBoard.Waiting;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The submission board of a cluster in the shared database: tables {@code submissions_in_flight} (with the node
 * holding each), {@code submissions_waiting} (by input key) and {@code submission_outcomes}, kept for {@code keep}
 * (the web history's days, which /checks serves from it) and at least the last {@value SubmissionBoard#RECENT},
 * newest (last added, whichever node added it) first.
 * Every node shows what any node recorded. What is stored is what the board shows: masked names and counts.
 */
public final class PostgresBoardStore implements BoardStore {

    private static final String IN_FLIGHT_COLUMNS = "reference, submitter, file_name, source, received_at,"
            + " chunks_done, chunks_total, rows_read, to_check, stage, node";

    private final JdbcTemplate jdbc;
    private final Duration keep;
    private final Clock clock;

    public PostgresBoardStore(DataSource dataSource, Duration keep, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void putInFlight(String origin, InFlight f) {
        jdbc.update("INSERT INTO submissions_in_flight (" + IN_FLIGHT_COLUMNS + ", input_key)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO UPDATE SET"
                + " submitter = EXCLUDED.submitter, file_name = EXCLUDED.file_name, source = EXCLUDED.source,"
                + " received_at = EXCLUDED.received_at, chunks_done = EXCLUDED.chunks_done,"
                + " chunks_total = EXCLUDED.chunks_total, rows_read = EXCLUDED.rows_read,"
                + " to_check = EXCLUDED.to_check, stage = EXCLUDED.stage, node = EXCLUDED.node,"
                + " input_key = EXCLUDED.input_key",
                f.reference(), f.submitter(), f.fileName(), f.source(), Timestamp.from(f.receivedAt()), f.chunksDone(),
                f.chunksTotal(), f.rowsRead(), f.checked(), f.stage(), f.node(), InputKey.of(origin));
    }

    /** One node works on a submission at a time: read, change, write back. */
    @Override
    public void updateInFlight(String reference, String origin, InFlight absent, UnaryOperator<InFlight> change) {
        List<InFlight> old = jdbc.query("SELECT " + IN_FLIGHT_COLUMNS + " FROM submissions_in_flight"
                + " WHERE reference = ?", PostgresBoardStore::inFlightRow, reference);
        putInFlight(origin, change.apply(old.isEmpty() ? absent : old.get(0)));
    }

    @Override
    public void removeInFlight(String reference, String keptStage) {
        if (keptStage == null) {
            jdbc.update("DELETE FROM submissions_in_flight WHERE reference = ?", reference);
        } else {
            jdbc.update("DELETE FROM submissions_in_flight WHERE reference = ? AND stage <> ?", reference, keptStage);
        }
    }

    @Override
    public List<InFlight> inFlight() {
        return jdbc.query("SELECT " + IN_FLIGHT_COLUMNS + " FROM submissions_in_flight", PostgresBoardStore::inFlightRow);
    }

    @Override
    public void waiting(String origin, Waiting w) {
        jdbc.update("INSERT INTO submissions_waiting (input_key, reference, submitter, file_name, source, reason,"
                + " attempts, next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input_key) DO UPDATE SET"
                + " reference = EXCLUDED.reference, submitter = EXCLUDED.submitter, file_name = EXCLUDED.file_name,"
                + " source = EXCLUDED.source, reason = EXCLUDED.reason, next_attempt = EXCLUDED.next_attempt,"
                + " attempts = submissions_waiting.attempts + 1",
                InputKey.of(origin), w.reference(), w.submitter(), w.fileName(), w.source(), masked(w.reason()),
                w.attempts(), w.nextAttempt() == null ? null : Timestamp.from(w.nextAttempt()));
    }

    @Override
    public void removeWaiting(String origin) {
        jdbc.update("DELETE FROM submissions_waiting WHERE input_key = ?", InputKey.of(origin));
    }

    @Override
    public List<Waiting> waitingNotInFlight() {
        return jdbc.query("SELECT reference, submitter, file_name, source, reason, attempts, next_attempt"
                + " FROM submissions_waiting w WHERE NOT EXISTS"
                + " (SELECT 1 FROM submissions_in_flight f WHERE f.input_key = w.input_key)",
                (r, i) -> new Waiting(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getInt(6), instant(r, 7)));
    }

    @Override
    public void addOutcome(Outcome o, String source, Instant receivedAt, long valid) {
        jdbc.update("INSERT INTO submission_outcomes (reference, submitter, file_name, source, outcome, received_at,"
                + " finished_at, duration_ms, rows_read, valid, invalid, duplicates, checked, permitted, withheld,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING",
                o.reference(), o.submitter(), o.fileName(), source, o.outcome(), Timestamp.from(receivedAt),
                Timestamp.from(o.finishedAt()), o.durationMs(), o.rowsRead(), valid, o.invalid(), o.duplicates(),
                o.checked(), o.permitted(), o.withheld(), masked(o.reason()));
        jdbc.update("DELETE FROM submission_outcomes WHERE finished_at < ? AND reference NOT IN"
                + " (SELECT reference FROM submission_outcomes ORDER BY added DESC LIMIT ?)",
                Timestamp.from(clock.instant().minus(keep)), SubmissionBoard.RECENT);
    }

    @Override
    public List<Outcome> recent(int limit) {
        return jdbc.query("SELECT reference, submitter, file_name, outcome, finished_at, duration_ms, rows_read,"
                + " invalid, duplicates, checked, permitted, withheld, reason FROM submission_outcomes"
                + " ORDER BY added DESC LIMIT ?",
                (r, i) -> new Outcome(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r, 5),
                        r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11),
                        r.getLong(12), r.getString(13)), limit);
    }

    private static InFlight inFlightRow(ResultSet r, int row) throws SQLException {
        return new InFlight(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r, 5),
                r.getInt(6), r.getInt(7), r.getLong(8), r.getLong(9), r.getString(10), r.getString(11));
    }

    static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp at = r.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** A reason as the shared tables keep it: no digit run that could be an NHS number. */
    static String masked(String reason) {
        return reason == null ? "" : Redact.digits(reason);
    }
}

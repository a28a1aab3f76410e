package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.support.StateDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clustered, the retry schedule's attempts are in PostgreSQL: a new leader goes on with the count another node
 * started, its maximum age still counted from the first attempt; the table names inputs by a hash, never their path.
 */
class RetryCountGoesOnOnAnotherNodeTest {

    private static StateDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = StateDatabases.fresh("retry_nodes");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private static RetrySchedule node() {
        return new RetrySchedule("1m", "5m", "1h", new PostgresRetryAttempts(database.dataSource()));
    }

    @Test
    void anotherNodeCountsOnFromTheFirstAttempt() {
        RetrySchedule a = node();
        RetrySchedule b = node();
        Submission input = submission("list 9990000018.csv");

        a.begin(input);
        Instant first = a.firstAttempt(input);

        assertEquals(1, b.attempts(input), "the other node sees the attempt");
        assertEquals(first, b.firstAttempt(input));
        assertFalse(b.isDueNow(input), "nor tries it again before its back-off has passed");
        b.begin(input);
        assertEquals(2, a.attempts(input));
        assertEquals(first, a.firstAttempt(input), "the age counts from the first attempt, on whichever node");
        assertEquals(2, node().attempts(input), "a node started afresh goes on with the count");

        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        String keys = String.join(" ", jdbc.queryForList("SELECT input_key FROM retry_attempts", String.class));
        assertFalse(keys.contains("9990000018") || keys.contains("list"), "the input's path is not kept: " + keys);

        a.finish(input);
        assertNull(b.firstAttempt(input), "finished on one node, forgotten on all");
        assertTrue(b.isDueNow(input));
    }

    @Test
    void aResumedWebSubmissionKeepsItsFirstAttempt() {
        Submission input = submission("typed.txt");
        Instant first = Instant.parse("2026-12-01T09:00:00Z");

        node().resume(input, first, 3);

        assertEquals(first, node().firstAttempt(input));
        assertEquals(3, node().attempts(input));
        assertTrue(node().hasExpired(input), "more than the maximum age after its first attempt");
    }

    private static Submission submission(String fileName) {
        Path input = Path.of("/inbox/analyst@nhs.net/" + fileName);
        return Submission.restored("NDOO-20261202-080000-RRRRR", "shared-folder", Submission.localOrigin(input), input,
                fileName, "analyst@nhs.net", 100, "analyst@nhs.net", Instant.now(), null);
    }
}

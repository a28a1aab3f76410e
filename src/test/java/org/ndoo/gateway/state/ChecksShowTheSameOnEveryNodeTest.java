package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.operations.SubmissionBoard;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.support.StateDatabases;
import org.ndoo.gateway.web.WebHistory;

/**
 * Clustered, /checks shows a person the same checks whichever node is asked: a check handed in on one node is
 * listed on the other as received, then running, then ended with its counts (from the shared outcomes, not a
 * node's audit file); another person's checks are not listed.
 */
class ChecksShowTheSameOnEveryNodeTest {

    private static final Duration KEEP = Duration.ofDays(7);
    private static StateDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = StateDatabases.fresh("checks_nodes");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private record Node(SubmissionBoard board, WebHistory history) {
    }

    private static Node node(String id) {
        Clock clock = Clock.systemUTC();
        SubmissionBoard board = new SubmissionBoard(1000, clock,
                new PostgresBoardStore(database.dataSource(), KEEP, clock), id);
        return new Node(board, new WebHistory(new PostgresWebHistory(database.dataSource()), board, KEEP, clock));
    }

    @Test
    void aCheckHandedInOnOneNodeIsListedTheSameOnTheOther() {
        Node a = node("node-a");
        Node b = node("node-b");
        Submission check = webCheck("NDOO-20261202-100000-WWWWW", "Analyst@NHS.net");

        a.history().received(check);
        assertEquals("received, about to start", only(b, "analyst@nhs.net").state());

        a.board().started(check);
        WebHistory.Check running = only(b, "analyst@nhs.net");
        assertFalse(running.ended());
        assertEquals("reading", running.state());

        Reading reading = validRows(40);
        a.board().read(check, reading);
        a.board().finished(check, Counts.of(reading, Answers.NONE.plus(40, 38)), "delivered");

        WebHistory.Check ended = only(b, "analyst@nhs.net");
        assertTrue(ended.ended());
        assertEquals("delivered", ended.state());
        assertEquals(40, ended.rowsRead());
        assertEquals(40, ended.valid());
        assertEquals(38, ended.permitted());
        assertEquals("cohort.csv", ended.sent());
        assertEquals(b.history().of("analyst@nhs.net"), a.history().of("analyst@nhs.net"), "the same on both nodes");
        assertEquals(b.history().of("analyst@nhs.net"), node("node-c").history().of("analyst@nhs.net"),
                "and on a node started afresh");
        assertTrue(b.history().of("someone.else@nhs.net").isEmpty(), "nobody else's checks");
    }

    private static WebHistory.Check only(Node node, String address) {
        List<WebHistory.Check> checks = node.history().of(address);
        assertEquals(1, checks.size(), checks.toString());
        return checks.get(0);
    }

    private static Submission webCheck(String reference, String address) {
        Path input = Path.of("/work/web/" + reference + "/cohort.csv");
        return Submission.restored(reference, "web", Submission.webOrigin(reference), input, "cohort.csv",
                address, 100, address.toLowerCase(java.util.Locale.ROOT), Instant.now(), null);
    }

    private static Reading validRows(int valid) {
        Reading.Tally tally = new Reading.Tally();
        for (int i = 0; i < valid; i++) {
            tally.countValid();
        }
        return tally.reading();
    }
}

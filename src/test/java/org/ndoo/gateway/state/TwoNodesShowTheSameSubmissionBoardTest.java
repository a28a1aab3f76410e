package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.support.StateDatabases;

/**
 * Clustered, the submission board (status page, /checks) is in PostgreSQL: what one node records, the other shows
 * (in flight with the node holding it, waiting, outcomes), and a node started afresh shows it too.
 */
class TwoNodesShowTheSameSubmissionBoardTest {

    private static StateDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = StateDatabases.fresh("board_nodes");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private static SubmissionBoard node(String id) {
        Clock clock = Clock.systemUTC();
        return new SubmissionBoard(1000, clock, new PostgresBoardStore(database.dataSource(), Duration.ofDays(7), clock),
                id);
    }

    @Test
    void whatOneNodeRecordsTheOtherShowsAndANewNodeStillShows() {
        SubmissionBoard a = node("node-a");
        SubmissionBoard b = node("node-b");
        Submission cohort = submission("NDOO-20261202-080000-AAAAA", "cohort.csv");
        a.started(cohort);
        Reading reading = validRows(2500);
        a.read(cohort, reading);
        a.chunkAnswered(cohort, reading, Answers.NONE.plus(1000, 950));

        SubmissionBoard.InFlight shown = b.inFlight().get(0);
        assertEquals("NDOO-20261202-080000-AAAAA", shown.reference());
        assertEquals("analyst@nhs.net", shown.submitter());
        assertEquals("cohort.csv", shown.fileName());
        assertEquals(1, shown.chunksDone());
        assertEquals(3, shown.chunksTotal());
        assertEquals(2500, shown.checked());
        assertEquals("checking", shown.stage());
        assertEquals("node-a", shown.node(), "the node holding it");
        assertEquals(1, b.inFlightCount());

        Submission later = submission("NDOO-20261202-080000-BBBBB", "later.csv");
        Instant next = Instant.now().plusSeconds(60);
        a.started(later);
        a.waiting(later, postponed("the lookup service did not answer", next));
        a.attemptEnded(later);
        b.waiting(later, postponed("the lookup service did not answer", next));
        SubmissionBoard.Waiting waiting = a.waiting().get(0);
        assertEquals("NDOO-20261202-080000-BBBBB", waiting.reference());
        assertEquals(2, waiting.attempts(), "each node's attempt counted");

        a.finished(cohort, Counts.of(reading, Answers.NONE.plus(2500, 2300)), "delivered");

        assertTrue(b.inFlight().isEmpty(), "no longer in flight on either node");
        SubmissionBoard.Outcome outcome = b.recent().get(0);
        assertEquals("NDOO-20261202-080000-AAAAA", outcome.reference());
        assertEquals("delivered", outcome.outcome());
        assertEquals(2500, outcome.rowsRead());
        assertEquals(2300, outcome.permitted());

        SubmissionBoard restarted = node("node-b");
        assertEquals(b.recent(), restarted.recent(), "a node started afresh shows the same outcomes");
        assertEquals(b.waiting(), restarted.waiting());
    }

    @Test
    void theLastFiftyOutcomesOfBothNodesNewestFirst() {
        SubmissionBoard a = node("node-a");
        SubmissionBoard b = node("node-b");
        for (int i = 0; i < 60; i++) {
            Submission s = submission("NDOO-20261202-090000-" + String.format("%05d", i), "f.csv");
            SubmissionBoard on = i % 2 == 0 ? a : b;
            on.started(s);
            on.finished(s, Counts.of(null, null), "delivered");
        }

        List<SubmissionBoard.Outcome> recent = a.recent();
        assertEquals(SubmissionBoard.RECENT, recent.size());
        assertEquals("NDOO-20261202-090000-00059", recent.get(0).reference());
        assertEquals("NDOO-20261202-090000-00010", recent.get(49).reference());
        assertEquals(recent, b.recent());
    }

    private static Failure postponed(String detail, Instant next) {
        return new Failure(Failure.POSTPONED, "lookup unavailable", detail, Failure.Told.NOBODY, false, true, next);
    }

    private static Submission submission(String reference, String fileName) {
        Path input = Path.of("/inbox/analyst@nhs.net/" + fileName);
        return Submission.restored(reference, "shared-folder", Submission.localOrigin(input), input, fileName,
                "analyst@nhs.net", 100, "analyst@nhs.net", Instant.now(), null);
    }

    private static Reading validRows(int valid) {
        Reading.Tally tally = new Reading.Tally();
        for (int i = 0; i < valid; i++) {
            tally.countValid();
        }
        return tally.reading();
    }
}

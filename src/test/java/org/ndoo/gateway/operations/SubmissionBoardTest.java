package org.ndoo.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

class SubmissionBoardTest {

    private final MutableClock clock = new MutableClock();
    private final SubmissionBoard board = new SubmissionBoard(1000, clock);

    @Test
    void showsProgressWhileInFlightAndTheOutcomeAfter() {
        Submission submission = submission("NDOO-20261123-120000-AAAAA", "cohort.csv");
        board.started(submission);
        Reading reading = countRows(2500);
        board.read(submission, reading);
        clock.advance(Duration.ofSeconds(2));
        Answers answers = Answers.NONE.plus(1000, 950);

        String progress = board.chunkAnswered(submission, reading, answers);

        assertEquals("chunk 1 of 3 answered, 1000 of 2500 numbers checked, 500 numbers/s", progress);
        SubmissionBoard.InFlight shown = board.inFlight().get(0);
        assertEquals("NDOO-20261123-120000-AAAAA", shown.reference());
        assertEquals("analyst@nhs.net", shown.submitter());
        assertEquals(1, shown.chunksDone());
        assertEquals(3, shown.chunksTotal());
        assertEquals("checking", shown.stage());
        assertEquals(1, board.inFlightCount());
        assertEquals(2.0, board.oldestAgeSeconds());

        board.finished(submission, Counts.of(reading, answers), "delivered");

        assertEquals(0, board.inFlightCount());
        assertEquals(0.0, board.oldestAgeSeconds());
        SubmissionBoard.Outcome outcome = board.recent().get(0);
        assertEquals("delivered", outcome.outcome());
        assertEquals(2500, outcome.rowsRead());
        assertEquals(2000, outcome.durationMs());
    }

    @Test
    void keepsTheLastFiftyOutcomesNewestFirst() {
        for (int i = 0; i < 60; i++) {
            Submission s = submission("NDOO-20261123-120000-" + String.format("%05d", i), "f.csv");
            board.started(s);
            board.finished(s, Counts.of(null, null), "delivered");
        }

        List<SubmissionBoard.Outcome> recent = board.recent();
        assertEquals(SubmissionBoard.RECENT, recent.size());
        assertEquals("NDOO-20261123-120000-00059", recent.get(0).reference());
        assertEquals("NDOO-20261123-120000-00010", recent.get(49).reference());
    }

    @Test
    void anAttemptThatEndsWithoutAnOutcomeIsNoLongerInFlight() {
        Submission submission = submission("NDOO-20261123-120000-BBBBB", "cohort.csv");
        board.started(submission);

        board.attemptEnded(submission);

        assertTrue(board.inFlight().isEmpty());
        assertTrue(board.recent().isEmpty(), "a retry later is not an outcome");
    }

    @Test
    void aMeshSubmissionWaitingForRepliesStaysInFlight() {
        Submission submission = submission("NDOO-20261123-120000-EEEEE", "cohort.csv");
        board.started(submission);
        board.awaitingReplies(submission);

        board.attemptEnded(submission);

        assertEquals("awaiting MESH replies", board.inFlight().get(0).stage());
    }

    @Test
    void fileNamesAndUntrustedFoldersHaveTheirDigitRunsMasked() {
        Submission named = submission("NDOO-20261123-120000-CCCCC", "patient 9990000018.csv");
        Submission untrusted = new Submission("NDOO-20261123-120000-DDDDD", "shared-folder",
                Path.of("/inbox/9990000018/x.csv"), "9990000018", 10);
        board.started(named);
        board.started(untrusted);

        String shown = board.inFlight().toString();

        assertTrue(!shown.contains("9990000018"), "a digit run shown unmasked");
        assertTrue(shown.contains("untrusted folder"), "the untrusted folder is labelled");
    }

    private Submission submission(String reference, String fileName) {
        Path input = Path.of("/inbox/analyst@nhs.net/" + fileName);
        return Submission.restored(reference, "shared-folder", Submission.localOrigin(input), input, fileName,
                "analyst@nhs.net", 100, "analyst@nhs.net", clock.instant(), null);
    }

    private static Reading countRows(int valid) {
        Reading.Tally tally = new Reading.Tally();
        for (int i = 0; i < valid; i++) {
            tally.countValid();
        }
        return tally.reading();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.ndoo.gateway.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

/**
 * What the gateway is doing, for operators: the submissions in flight with their progress (and, clustered, the node
 * holding each), the inputs waiting for a later attempt, and the last {@value #RECENT} outcomes with their counts.
 * References, submitters, file names (digit runs masked) and counts only, never an NHS number. Kept in a
 * {@link BoardStore}: this node's memory when the gateway runs alone (it starts empty after a restart), the shared
 * database when it runs clustered (every node shows the same, and a node's death loses nothing).
 */
public final class SubmissionBoard {

    /** How many finished submissions are kept. */
    public static final int RECENT = 50;

    /** Told of every submission that ends, for the metrics. */
    public interface Listener {
        void finished(Submission submission, Counts counts, String outcome);
    }

    /** A submission in flight, as shown; {@code node} holds it (empty when the gateway runs alone). */
    public record InFlight(String reference, String submitter, String fileName, String source, Instant receivedAt,
                           int chunksDone, int chunksTotal, long rowsRead, long checked, String stage, String node) {

        /** A submission in flight on a gateway running alone. */
        public InFlight(String reference, String submitter, String fileName, String source, Instant receivedAt,
                        int chunksDone, int chunksTotal, long rowsRead, long checked, String stage) {
            this(reference, submitter, fileName, source, receivedAt, chunksDone, chunksTotal, rowsRead, checked, stage,
                    "");
        }
    }

    /** A finished submission, as shown. */
    public record Outcome(String reference, String submitter, String fileName, String outcome, Instant finishedAt,
                          long durationMs, long rowsRead, long invalid, long duplicates, long checked, long permitted,
                          long withheld, String reason) {

        /** An outcome without a reason (delivered). */
        public Outcome(String reference, String submitter, String fileName, String outcome, Instant finishedAt,
                       long durationMs, long rowsRead, long invalid, long duplicates, long checked, long permitted,
                       long withheld) {
            this(reference, submitter, fileName, outcome, finishedAt, durationMs, rowsRead, invalid, duplicates,
                    checked, permitted, withheld, "");
        }
    }

    /** An input that could not be finished yet (lookup or mail down...) and waits for its next attempt. */
    public record Waiting(String reference, String submitter, String fileName, String source, String reason,
                          int attempts, Instant nextAttempt) {
    }

    private static final String AWAITING_REPLIES = "awaiting MESH replies";

    private final int chunkSize;
    private final Clock clock;
    private final BoardStore store;
    private final String node;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public SubmissionBoard(int chunkSize) {
        this(chunkSize, Clock.systemUTC());
    }

    SubmissionBoard(int chunkSize, Clock clock) {
        this(chunkSize, clock, new MemoryBoardStore(), "");
    }

    /** A board kept in {@code store}, on the node {@code node} (empty when the gateway runs alone). */
    public SubmissionBoard(int chunkSize, Clock clock, BoardStore store, String node) {
        this.chunkSize = chunkSize;
        this.clock = clock;
        this.store = store;
        this.node = node;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** A submission was picked up (again, after a retry). */
    public void started(Submission submission) {
        store.putInFlight(submission.getOrigin(), shown(submission, "reading", 0, 0, 0));
    }

    /** The attempt failed for a reason that may pass: the input waits for its next attempt, shown as waiting. */
    public void waiting(Submission submission, Failure failure) {
        store.waiting(submission.getOrigin(), new Waiting(submission.getReference(), submitter(submission),
                fileName(submission), submission.getSource(), failure.detail(), 1, failure.nextAttempt()));
    }

    /** The inputs waiting to be tried again, the next due first. */
    public List<Waiting> waiting() {
        List<Waiting> list = new ArrayList<>(store.waitingNotInFlight());
        list.sort(Comparator.comparing(Waiting::nextAttempt, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    /** The file is read ({@code reading}): its numbers now go to the lookup. */
    public void read(Submission submission, Reading reading) {
        track(submission, old -> shown(submission, "checking", old.chunksDone(), reading.rowsRead(), reading.toCheck()));
    }

    /**
     * A chunk was answered: the chunks answered so far, in input order, are {@code answers}. Returns the progress line
     * for the log: chunk i of n, numbers checked so far, numbers per second since pick-up.
     */
    public String chunkAnswered(Submission submission, Reading reading, Answers answers) {
        track(submission, old -> shown(submission, old.stage(), answers.chunks(), old.rowsRead(), old.checked()));
        long toCheck = reading.toCheck();
        return "chunk " + answers.chunks() + " of " + chunksTotal(toCheck) + " answered, "
                + answers.checked() + " of " + toCheck + (toCheck == 1 ? " number" : " numbers") + " checked, "
                + answers.checked() * 1000 / durationMs(submission) + " numbers/s";
    }

    /** Milliseconds since the submission was picked up (at least 1). */
    public long durationMs(Submission submission) {
        return Math.max(1, Duration.between(submission.getReceivedAt(), clock.instant()).toMillis());
    }

    /** The national service has the requests; the answers come back over MESH later (mesh-replies). */
    public void awaitingReplies(Submission submission) {
        track(submission, old -> shown(submission, AWAITING_REPLIES, old.chunksDone(), old.rowsRead(), old.checked()));
    }

    /**
     * An attempt at the submission is over, however it ended (a result, a notice, the input kept for a later
     * attempt, which is a new submission, or even a failed notice): it is no longer in flight, unless it waits for
     * MESH replies.
     */
    public void attemptEnded(Submission submission) {
        store.removeInFlight(submission.getReference(), AWAITING_REPLIES);
    }

    /** The submission ended in {@code outcome} (delivered, failed, refused...) with {@code counts}. */
    public void finished(Submission submission, Counts counts, String outcome) {
        finished(submission, counts, outcome, "",
                Duration.between(submission.getReceivedAt(), clock.instant()).toMillis());
    }

    /**
     * The submission ended in {@code outcome} for {@code reason} (empty when delivered), {@code durationMs} after it
     * was picked up, with {@code c}: the one duration and counts close-submission also gives the audit record and
     * the log.
     */
    public void finished(Submission submission, Counts c, String outcome, String reason, long durationMs) {
        store.removeInFlight(submission.getReference(), null);
        store.removeWaiting(submission.getOrigin());
        Outcome finished = new Outcome(submission.getReference(), submitter(submission), fileName(submission), outcome,
                clock.instant(), durationMs, c.getRowsRead(), c.getInvalid(), c.getDuplicates(), c.getChecked(),
                c.getPermitted(), c.getWithheld(),
                reason == null ? "" : Redact.digits(reason));
        store.addOutcome(finished, submission.getSource(), submission.getReceivedAt(), c.getValid());
        listeners.forEach(l -> l.finished(submission, c, outcome));
    }

    /** The submissions in flight, oldest first. */
    public List<InFlight> inFlight() {
        List<InFlight> list = new ArrayList<>(store.inFlight());
        list.sort(Comparator.comparing(InFlight::receivedAt));
        return list;
    }

    /** The last finished submissions, newest first. */
    public List<Outcome> recent() {
        return store.recent(RECENT);
    }

    public int inFlightCount() {
        return store.inFlight().size();
    }

    /** Seconds since the oldest submission in flight was picked up; 0 when none is. */
    public double oldestAgeSeconds() {
        Instant now = clock.instant();
        return store.inFlight().stream()
                .mapToDouble(f -> Duration.between(f.receivedAt(), now).toMillis() / 1000.0)
                .max().orElse(0);
    }

    /** Changes the submission's entry, which from now on shows this copy of it (trusted, in its work folder...). */
    private void track(Submission submission, UnaryOperator<InFlight> change) {
        store.updateInFlight(submission.getReference(), submission.getOrigin(), shown(submission, "checking", 0, 0, 0),
                change);
    }

    /** The entry of {@code s} at {@code stage}, {@code chunksDone} answered of the chunks of {@code toCheck}. */
    private InFlight shown(Submission s, String stage, int chunksDone, long rowsRead, long toCheck) {
        return new InFlight(s.getReference(), submitter(s), fileName(s), s.getSource(), s.getReceivedAt(), chunksDone,
                chunksTotal(toCheck), rowsRead, toCheck, stage, node);
    }

    private int chunksTotal(long toCheck) {
        return (int) ((toCheck + chunkSize - 1) / chunkSize);
    }

    private static String submitter(Submission s) {
        return s.isSubmitterTrusted() ? s.getSubmitter() : Redact.untrustedFolder(s.getSubmitterFolder());
    }

    private static String fileName(Submission s) {
        return Redact.digits(s.getFileName());
    }
}

package org.ndoo.gateway.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

/**
 * What the gateway is doing, for operators: the submissions in flight with their progress, and the last
 * {@value #RECENT} outcomes with their counts. References, submitters, file names (digit runs masked) and counts
 * only, never an NHS number. Kept in memory: it starts empty after a restart.
 */
public final class SubmissionBoard {

    /** How many finished submissions are kept. */
    public static final int RECENT = 50;

    /** Told of every submission that ends, for the metrics. */
    public interface Listener {
        void finished(Submission submission, Counts counts, String outcome);
    }

    /** A submission in flight, as shown. */
    public record InFlight(String reference, String submitter, String fileName, String source, Instant receivedAt,
                           int chunksDone, int chunksTotal, long rowsRead, long checked, String stage) {
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

    private final int chunkSize;
    private static final String AWAITING_REPLIES = "awaiting MESH replies";

    private final Clock clock;
    private final Map<String, Tracked> inFlight = new ConcurrentHashMap<>();
    private final Deque<Outcome> recent = new ArrayDeque<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public SubmissionBoard(int chunkSize) {
        this(chunkSize, Clock.systemUTC());
    }

    SubmissionBoard(int chunkSize, Clock clock) {
        this.chunkSize = chunkSize;
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** A submission was picked up (again, after a retry). */
    public void started(Submission submission) {
        inFlight.put(submission.getReference(), new Tracked(submission, "reading"));
    }

    /** The attempt failed for a reason that may pass: the input waits for its next attempt, shown as waiting. */
    public void waiting(Submission submission, Failure failure) {
        waiting.merge(submission.getOrigin(), new Waiting(submission.getReference(), submitter(submission),
                fileName(submission), submission.getSource(), failure.detail(), 1, failure.nextAttempt()),
                (old, fresh) -> new Waiting(fresh.reference(), fresh.submitter(), fresh.fileName(), fresh.source(),
                        fresh.reason(), old.attempts() + 1, fresh.nextAttempt()));
    }

    /** The inputs waiting to be tried again, the next due first. */
    public List<Waiting> waiting() {
        java.util.Set<String> running = new java.util.HashSet<>();
        inFlight.values().forEach(t -> running.add(t.submission.getOrigin()));
        List<Waiting> list = new ArrayList<>();
        waiting.forEach((origin, w) -> {
            if (!running.contains(origin)) {
                list.add(w);
            }
        });
        list.sort(Comparator.comparing(Waiting::nextAttempt, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    /** The file is read ({@code reading}): its numbers now go to the lookup. */
    public void read(Submission submission, Reading reading) {
        Tracked tracked = track(submission);
        tracked.reading = reading;
        tracked.stage = "checking";
    }

    /**
     * A chunk was answered: the chunks answered so far, in input order, are {@code answers}. Returns the progress line
     * for the log: chunk i of n, numbers checked so far, numbers per second since pick-up.
     */
    public String chunkAnswered(Submission submission, Reading reading, Answers answers) {
        Tracked tracked = track(submission);
        tracked.answers = answers;
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
        track(submission).stage = AWAITING_REPLIES;
    }

    /**
     * An attempt at the submission is over, however it ended (a result, a notice, the input kept for a later
     * attempt, which is a new submission, or even a failed notice): it is no longer in flight, unless it waits for
     * MESH replies.
     */
    public void attemptEnded(Submission submission) {
        inFlight.computeIfPresent(submission.getReference(),
                (reference, tracked) -> AWAITING_REPLIES.equals(tracked.stage) ? tracked : null);
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
        inFlight.remove(submission.getReference());
        waiting.remove(submission.getOrigin());
        Outcome finished = new Outcome(submission.getReference(), submitter(submission), fileName(submission), outcome,
                clock.instant(), durationMs, c.getRowsRead(), c.getInvalid(), c.getDuplicates(), c.getChecked(),
                c.getPermitted(), c.getWithheld(),
                reason == null ? "" : Redact.digits(reason));
        synchronized (recent) {
            recent.addFirst(finished);
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
        listeners.forEach(l -> l.finished(submission, c, outcome));
    }

    /** The submissions in flight, oldest first. */
    public List<InFlight> inFlight() {
        List<InFlight> list = new ArrayList<>();
        for (Tracked t : inFlight.values()) {
            Submission s = t.submission;
            Reading r = t.reading;
            list.add(new InFlight(s.getReference(), submitter(s), fileName(s), s.getSource(), s.getReceivedAt(),
                    t.answers.chunks(), chunksTotal(r.toCheck()), r.rowsRead(), r.toCheck(), t.stage));
        }
        list.sort(Comparator.comparing(InFlight::receivedAt));
        return list;
    }

    /** The last finished submissions, newest first. */
    public List<Outcome> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    /** Seconds since the oldest submission in flight was picked up; 0 when none is. */
    public double oldestAgeSeconds() {
        Instant now = clock.instant();
        return inFlight.values().stream()
                .mapToDouble(t -> Duration.between(t.submission.getReceivedAt(), now).toMillis() / 1000.0)
                .max().orElse(0);
    }

    /** The submission's entry, which from now on shows this copy of it (trusted, in its work folder...). */
    private Tracked track(Submission submission) {
        Tracked tracked = inFlight.computeIfAbsent(submission.getReference(), r -> new Tracked(submission, "checking"));
        tracked.submission = submission;
        return tracked;
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

    private static final class Tracked {
        volatile Submission submission;
        volatile String stage;
        volatile Reading reading = Reading.NONE;
        volatile Answers answers = Answers.NONE;

        Tracked(Submission submission, String stage) {
            this.submission = submission;
            this.stage = stage;
        }
    }
}

package org.ndoo.gateway.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.submission.Submission;

/**
 * The one retry-later-or-give-up decision, for every path: when an input that could not be finished (lookup or mail
 * unavailable) is tried again, as the gateway's one {@link BackOff} says (after
 * {@code gateway.retry.resubmit-first-delay}, doubling up to {@code gateway.retry.resubmit-max-delay}), until
 * {@code gateway.retry.max-age} after its first attempt, when the submitter gets a failure notice instead.
 * The attempts are kept in an {@link AttemptStore}: in memory when the gateway runs alone (after a restart every
 * waiting input is tried at once, its age counted afresh; a web submission's attempts are kept in its work folder too
 * and restored ({@link #resume}), so its age still counts from its first), in the shared database when it runs
 * clustered, so that a new leader goes on with the count and the age.
 */
public final class RetrySchedule {

    /** How times are shown to operators (log lines, status page): local time with its zone. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    /** The attempts at one input: the first and the last, and how many. */
    public record Attempts(Instant first, Instant last, int count) {
    }

    /** Where the attempts are kept, by input (its origin). */
    public interface AttemptStore {
        /** The input is tried {@code now}: a first attempt, or one more. */
        void begin(String input, Instant now);

        void put(String input, Attempts attempts);

        /** The input's attempts; {@code null} if it is not known. */
        Attempts get(String input);

        void remove(String input);
    }

    /** The attempts in this node's memory. */
    public static final class MemoryAttempts implements AttemptStore {
        private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

        @Override
        public void begin(String input, Instant now) {
            attempts.merge(input, new Attempts(now, now, 1), (old, fresh) -> new Attempts(old.first(), now,
                    old.count() + 1));
        }

        @Override
        public void put(String input, Attempts a) {
            attempts.put(input, a);
        }

        @Override
        public Attempts get(String input) {
            return attempts.get(input);
        }

        @Override
        public void remove(String input) {
            attempts.remove(input);
        }
    }

    private final AttemptStore attempts;
    private final BackOff backOff;
    private final Duration maxAge;
    private final String maxAgeText;
    private final Clock clock;
    /**
     * Each input's wait is stretched by up to this fraction, fixed per input: inputs that failed together during an
     * outage do not all come back at the same moment when it ends.
     */
    private double jitter;

    public RetrySchedule(String firstDelay, String maxDelay, String maxAge) {
        this(firstDelay, maxDelay, maxAge, new MemoryAttempts());
    }

    /** The schedule of the settings, its attempts kept in {@code store}. */
    public RetrySchedule(String firstDelay, String maxDelay, String maxAge, AttemptStore store) {
        this(TimeUtils.toDuration(firstDelay.strip()), TimeUtils.toDuration(maxDelay.strip()),
                TimeUtils.toDuration(maxAge.strip()), maxAge.strip(), Clock.systemUTC(), store);
        this.jitter = 0.2;
    }

    RetrySchedule(Duration firstDelay, Duration maxDelay, Duration maxAge, String maxAgeText, Clock clock) {
        this(firstDelay, maxDelay, maxAge, maxAgeText, clock, new MemoryAttempts());
    }

    RetrySchedule(Duration firstDelay, Duration maxDelay, Duration maxAge, String maxAgeText, Clock clock,
            AttemptStore store) {
        this.attempts = store;
        // a first delay above the maximum waits the maximum, as before
        this.backOff = new BackOff(firstDelay.compareTo(maxDelay) > 0 ? maxDelay : firstDelay, 2, maxDelay);
        this.maxAge = maxAge;
        this.maxAgeText = maxAgeText;
        this.clock = clock;
    }

    /** Records that the input is being tried now. */
    public void begin(Submission submission) {
        attempts.begin(keyOf(submission), clock.instant());
    }

    /**
     * A submission taken up again after a restart (a web submission, whose input waited in its work folder): its
     * {@code count} attempts so far, the first at {@code first}, so that the maximum age still counts from then.
     */
    public void resume(Submission submission, Instant first, int count) {
        attempts.put(keyOf(submission), new Attempts(first, first, Math.max(0, count)));
    }

    /** When the submission was first tried; {@code null} if it is not known here. */
    public Instant firstAttempt(Submission submission) {
        Attempts a = attempts.get(keyOf(submission));
        return a == null ? null : a.first();
    }

    /** Whether the input at {@code input} (its origin) may be picked up now: never tried, or its back-off has passed. */
    public boolean isDue(String input) {
        Instant next = nextAttempt(input);
        return next == null || !clock.instant().isBefore(next);
    }

    /** Whether the submission may be tried now: never tried, or its back-off has passed. */
    public boolean isDueNow(Submission submission) {
        return isDue(keyOf(submission));
    }

    /** When the submission's input may be picked up again; {@code null} if it is not waiting. */
    public Instant nextAttempt(Submission submission) {
        return nextAttempt(keyOf(submission));
    }

    private Instant nextAttempt(String input) {
        Attempts a = attempts.get(input);
        if (a == null) {
            return null;
        }
        Duration delay = delayAfter(a.count());
        double stretch = 1 + jitter * ((input.hashCode() & 0x7fffffff) % 1000) / 1000.0;
        return a.last().plus(Duration.ofMillis((long) (delay.toMillis() * stretch)));
    }

    /** Whether the input has been retried for longer than the maximum age and should be given up. */
    public boolean hasExpired(Submission submission) {
        Attempts a = attempts.get(keyOf(submission));
        return a != null && !clock.instant().isBefore(a.first().plus(maxAge));
    }

    /** The number of attempts so far, this one included. */
    public int attempts(Submission submission) {
        Attempts a = attempts.get(keyOf(submission));
        return a == null ? 0 : a.count();
    }

    /** Forgets the input: it ended in a result or a failure notice. */
    public void finish(Submission submission) {
        attempts.remove(keyOf(submission));
    }

    /**
     * The retry key: where the input is at its source ({@link Submission#getOrigin()}, made by
     * {@link Submission#localOrigin}, {@link Submission#remoteOrigin} or {@link Submission#webOrigin}), the same for every attempt at one input.
     */
    static String keyOf(Submission submission) {
        return submission.getOrigin();
    }

    /** The maximum age as configured, for notices. */
    public String getMaxAge() {
        return maxAgeText;
    }

    Duration delayAfter(int count) {
        return backOff.delayAfter(count);
    }
}

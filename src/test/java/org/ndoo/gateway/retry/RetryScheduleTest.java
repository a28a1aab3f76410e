package org.ndoo.gateway.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.submission.Submission;

class RetryScheduleTest {

    /** A clock that only moves when told to. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final MutableClock clock = new MutableClock();
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofHours(1), "1h", clock);
    private final Submission submission = submission("list.csv");

    @Test
    void aNewInputIsDueAndNotExpired() {
        assertTrue(schedule.isDue(submission.getOrigin()));
        assertFalse(schedule.hasExpired(submission));
        assertEquals(0, schedule.attempts(submission));
    }

    @Test
    void isNotDueUntilTheFirstDelayHasPassed() {
        schedule.begin(submission);
        assertEquals(1, schedule.attempts(submission));
        assertFalse(schedule.isDue(submission.getOrigin()));

        clock.advance(Duration.ofSeconds(59));
        assertFalse(schedule.isDue(submission.getOrigin()));

        clock.advance(Duration.ofSeconds(1));
        assertTrue(schedule.isDue(submission.getOrigin()));
    }

    @Test
    void theDelayDoublesAfterEachAttemptUpToTheMaximum() {
        long[] expectedMinutes = {1, 2, 4, 5, 5};
        for (long minutes : expectedMinutes) {
            schedule.begin(submission);
            clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
            assertFalse(schedule.isDue(submission.getOrigin()), "attempt " + schedule.attempts(submission));
            clock.advance(Duration.ofSeconds(1));
            assertTrue(schedule.isDue(submission.getOrigin()), "attempt " + schedule.attempts(submission));
        }
        assertEquals(5, schedule.attempts(submission));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 5", "5, 5", "1000, 5"})
    void delayAfterIsCappedAtTheMaximum(int attempts, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), schedule.delayAfter(attempts));
    }

    @Test
    void expiresMaxAgeAfterTheFirstAttemptNotTheLast() {
        schedule.begin(submission);
        clock.advance(Duration.ofMinutes(50));
        schedule.begin(submission);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertFalse(schedule.hasExpired(submission));

        clock.advance(Duration.ofSeconds(1));
        assertTrue(schedule.hasExpired(submission));
    }

    @Test
    void finishForgetsTheInput() {
        schedule.begin(submission);
        schedule.begin(submission);
        clock.advance(Duration.ofHours(2));
        assertTrue(schedule.hasExpired(submission));

        schedule.finish(submission);

        assertEquals(0, schedule.attempts(submission));
        assertFalse(schedule.hasExpired(submission));
        assertTrue(schedule.isDue(submission.getOrigin()));
        schedule.begin(submission);
        assertEquals(1, schedule.attempts(submission), "counted afresh");
    }

    @Test
    void inputsAreScheduledIndependently() {
        Submission other = submission("other.csv");
        schedule.begin(submission);

        assertFalse(schedule.isDue(submission.getOrigin()));
        assertTrue(schedule.isDue(other.getOrigin()));
        assertEquals(0, schedule.attempts(other));
    }

    @Test
    void parsesItsSettings() {
        RetrySchedule configured = new RetrySchedule("30s", "10m", " 24h ");

        assertEquals("24h", configured.getMaxAge());
        assertEquals(Duration.ofSeconds(30), configured.delayAfter(1));
        assertEquals(Duration.ofMinutes(8), configured.delayAfter(5));
        assertEquals(Duration.ofMinutes(10), configured.delayAfter(6));
    }

    private static Submission submission(String fileName) {
        return new Submission("NDOO-20250101-090000-TEST1", "shared-folder", Path.of("/inbox/a@nhs.net", fileName),
                "a@nhs.net", 10);
    }
}

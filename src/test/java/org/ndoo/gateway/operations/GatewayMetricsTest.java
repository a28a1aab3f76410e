package org.ndoo.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

class GatewayMetricsTest {

    private final SubmissionBoard board = new SubmissionBoard(100_000);
    private final GatewayMetrics metrics = new GatewayMetrics(board, "sandbox");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everySeriesExistsAtZeroOnceBound() {
        metrics.bindTo(registry);

        for (String outcome : GatewayMetrics.OUTCOMES) {
            assertEquals(0.0, registry.get("ndoo.submissions").tag("outcome", outcome).counter().count());
        }
        assertEquals(0.0, registry.get("ndoo.retries").tag("call", "mail").counter().count());
        assertEquals(0.0, registry.get("ndoo.submissions.in.flight").gauge().value());
        assertEquals(0L, registry.get("ndoo.lookup.chunk").tag("lookup", "sandbox").timer().count());
    }

    @Test
    void countsWhatTheBoardIsToldAndWhatTheRoutesReport() throws Exception {
        metrics.bindTo(registry);
        Submission submission = new Submission("NDOO-20261123-120000-AAAAA", "shared-folder",
                Path.of("/inbox/a@nhs.net/c.csv"), "a@nhs.net", 10);
        Reading.Tally tally = new Reading.Tally();
        tally.countInvalid(3, org.ndoo.gateway.nhsnumber.InvalidReason.NOT_TEN_DIGITS);
        for (int i = 0; i < 3; i++) {
            tally.countValid();
        }
        Reading reading = tally.reading();
        Answers answers = Answers.NONE.plus(3, 2);

        board.started(submission);
        assertEquals(1.0, registry.get("ndoo.submissions.in.flight").gauge().value());
        board.chunkAnswered(submission, reading, answers);
        metrics.chunkLookedUp(metrics.startTimer());
        metrics.retried("lookup");
        metrics.mailSent();
        metrics.submissionFailed(new IllegalStateException("wrapped", new MessagingException("421")));
        metrics.submissionFailed(new java.io.IOException("lookup refused"));
        board.finished(submission, Counts.of(reading, answers), "delivered");

        assertEquals(3.0, registry.get("ndoo.nhs.numbers").tag("result", "checked").counter().count());
        assertEquals(2.0, registry.get("ndoo.nhs.numbers").tag("result", "permitted").counter().count());
        assertEquals(1.0, registry.get("ndoo.nhs.numbers").tag("result", "withheld").counter().count());
        assertEquals(1.0, registry.get("ndoo.nhs.numbers").tag("result", "invalid").counter().count());
        assertEquals(1L, registry.get("ndoo.lookup.chunk").timer().count());
        assertEquals(1.0, registry.get("ndoo.retries").tag("call", "lookup").counter().count());
        assertEquals(1.0, registry.get("ndoo.mails.sent").counter().count());
        assertEquals(1.0, registry.get("ndoo.mails.failed").counter().count(), "only the mail server's failure");
        assertEquals(1.0, registry.get("ndoo.submissions").tag("outcome", "delivered").counter().count());
        assertEquals(0.0, registry.get("ndoo.submissions.in.flight").gauge().value());
    }

    @Test
    void nothingIsCountedBeforeBindingAndNothingFails() {
        metrics.mailSent();
        metrics.retried("mail");

        metrics.bindTo(registry);

        assertEquals(0.0, registry.get("ndoo.mails.sent").counter().count());
        assertFalse(GatewayMetrics.isMailFailure(null));
        assertTrue(GatewayMetrics.isMailFailure(new MessagingException("x")));
    }
}

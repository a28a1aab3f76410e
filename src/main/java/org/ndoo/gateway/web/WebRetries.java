package org.ndoo.gateway.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.submission.Submission;

/**
 * A web submission whose attempt failed in a way that may pass (lookup or mail down) has no drop folder to be found
 * in again: its input waits in its work folder, and it is handed to {@code direct:web-submission} again when the
 * retry schedule says (gateway.retry.resubmit-*), until it ends in a result or a failure notice (max age).
 */
public final class WebRetries {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebRetries.class);

    private final CamelContext context;
    private final RetrySchedule schedule;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web-retries");
        t.setDaemon(true);
        return t;
    });
    private volatile ProducerTemplate template;

    public WebRetries(CamelContext context, RetrySchedule schedule) {
        this.context = context;
        this.schedule = schedule;
    }

    /**
     * Hands {@code submission} to its next attempt, at the time the retry schedule gives it; its marker first keeps
     * its attempts so far and what it waits for ({@code failure}, if known), so that a restart in between still
     * counts its age from its first attempt.
     */
    public void later(Submission submission, Failure failure) {
        if (failure != null && failure.isLeftForTheLeader()) {
            // its marked folder stays in the shared work directory: the leader takes it up (resume-web-submissions)
            LOG.info("{}: left in its folder for the leader", submission.getReference());
            return;
        }
        if (submission.getWorkDir() != null) {
            try {
                WebMarker.read(submission.getWorkDir()).postponed(schedule.attempts(submission),
                        schedule.firstAttempt(submission), failure == null ? null : failure.reason())
                        .write(submission.getWorkDir());
            } catch (WebMarker.Unreadable | java.io.IOException e) {
                // the marker written at intake still takes it up after a restart, its age counted from its receipt
                LOG.warn("{}: its marker could not be brought up to date ({})", submission.getReference(),
                        e instanceof WebMarker.Unreadable ? e.getMessage() : e.getClass().getSimpleName());
            }
        }
        Instant next = schedule.nextAttempt(submission);
        long delay = next == null ? 1000 : Math.max(1000, Duration.between(Instant.now(), next).toMillis());
        timer.schedule(() -> template().asyncSend("direct:web-submission",
                e -> e.setProperty("submission", submission)), delay, TimeUnit.MILLISECONDS);
    }

    private ProducerTemplate template() {
        if (template == null) {
            template = context.createProducerTemplate();
        }
        return template;
    }
}

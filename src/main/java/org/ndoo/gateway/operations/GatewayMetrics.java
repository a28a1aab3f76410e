package org.ndoo.gateway.operations;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Submission;

/**
 * The gateway's own Prometheus metrics (README, "Operations"). A Micrometer {@link MeterBinder}, bound once, when it
 * is made, to the registry Camel serves at /observe/metrics ({@code OperationsBeans}); unbound it counts nothing.
 * Counts only: no reference, submitter or file name becomes a label, so the number of
 * series stays fixed.
 */
public final class GatewayMetrics implements MeterBinder, SubmissionBoard.Listener {

    /** The outcomes a submission can end in (the audit log's). */
    public static final String[] OUTCOMES = {"delivered", "failed", "refused", "undeliverable", "gave-up"};

    private final SubmissionBoard board;
    private final String lookupType;
    private volatile MeterRegistry registry;

    public GatewayMetrics(SubmissionBoard board, String lookupType) {
        this.board = board;
        this.lookupType = lookupType;
        board.addListener(this);
    }

    /** Registers every series, at 0, so that rates and alerts work before the first event. */
    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        for (String result : new String[] {"checked", "permitted", "withheld", "invalid"}) {
            numbers(result);
        }
        chunkLookups();
        Gauge.builder("ndoo.submissions.in.flight", board, SubmissionBoard::inFlightCount)
                .description("submissions being checked now").strongReference(true).register(meters);
        Gauge.builder("ndoo.submissions.oldest.age", board, SubmissionBoard::oldestAgeSeconds)
                .description("seconds since the oldest submission in flight was picked up (0 when none is)")
                .baseUnit("seconds").strongReference(true).register(meters);
        for (String outcome : OUTCOMES) {
            submissions(outcome);
        }
        retries("lookup");
        retries("mail");
        mailsSent();
        mailsFailed();
    }

    /** {@code ndoo_cluster_leader}: 1 while this node is the cluster's leader (or a single gateway), 0 on standby. */
    public void bindLeadership(MeterRegistry meters, java.util.function.IntSupplier leader) {
        Gauge.builder("ndoo.cluster.leader", leader, l -> l.getAsInt())
                .description("1 when this node consumes (the cluster's leader, or a single gateway), 0 when standby")
                .strongReference(true).register(meters);
    }

    /** For the route: the start of a chunk lookup, timed by Micrometer's clock. */
    public Timer.Sample startTimer() {
        MeterRegistry meters = registry;
        return meters == null ? Timer.start() : Timer.start(meters);
    }

    /** For the route: the chunk lookup {@code started} was answered. */
    public void chunkLookedUp(Timer.Sample started) {
        if (registry != null) {
            started.stop(chunkLookups());
        }
    }

    /** A failed call was retried in place: {@code call} is lookup or mail. */
    public void retried(String call) {
        if (registry != null) {
            retries(call).increment();
        }
    }

    /** An email was accepted by the mail server (or written to the pickup folder). */
    public void mailSent() {
        if (registry != null) {
            mailsSent().increment();
        }
    }

    /** A submission failed: if sending its email failed (after the in-place retries), that is a failed mail. */
    public void submissionFailed(Throwable failure) {
        if (registry != null && isMailFailure(failure)) {
            mailsFailed().increment();
        }
    }

    /**
     * Numbers are counted when a submission ends, whatever path its answers took (chunk by chunk over HTTP, or
     * hours later over MESH), so a submission retried later is counted once: checked, permitted and withheld for a
     * delivered result, invalid rows for every outcome.
     */
    @Override
    public void finished(Submission submission, Counts counts, String outcome) {
        if (registry == null) {
            return;
        }
        numbers("invalid").increment(counts.getInvalid());
        if ("delivered".equals(outcome)) {
            numbers("checked").increment(counts.getChecked());
            numbers("permitted").increment(counts.getPermitted());
            numbers("withheld").increment(counts.getWithheld());
        }
        submissions(outcome).increment();
    }

    /** Whether {@code failure}, or one of its causes, is the mail server's. */
    static boolean isMailFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.mail.MessagingException) {
                return true;
            }
        }
        return false;
    }

    // Micrometer hands back the registered meter for the same name and tags: these are look-ups after the first call

    private Counter numbers(String result) {
        return Counter.builder("ndoo.nhs.numbers").tag("result", result)
                .description("NHS numbers by result: checked (valid, distinct, asked about), permitted and withheld"
                        + " in delivered results; invalid rows of every finished submission")
                .register(registry);
    }

    private Timer chunkLookups() {
        return Timer.builder("ndoo.lookup.chunk")
                .description("time to get the answer for one chunk, retries included")
                .tag("lookup", lookupType)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    private Counter submissions(String outcome) {
        return Counter.builder("ndoo.submissions").tag("outcome", outcome).description("finished submissions, by outcome")
                .register(registry);
    }

    private Counter retries(String call) {
        return Counter.builder("ndoo.retries").tag("call", call).description("failed calls retried in place, by call")
                .register(registry);
    }

    private Counter mailsSent() {
        return Counter.builder("ndoo.mails.sent")
                .description("emails accepted by the mail server or written to the pickup folder").register(registry);
    }

    private Counter mailsFailed() {
        return Counter.builder("ndoo.mails.failed")
                .description("emails the mail server did not take, after the in-place retries").register(registry);
    }
}

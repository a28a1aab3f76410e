package org.ndoo.gateway.retry;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.ndoo.gateway.audit.AuditLogUnusable;
import org.ndoo.gateway.cluster.NotLeader;
import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.mesh.MeshException;
import org.ndoo.gateway.mesh.MeshSendUncertain;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.UntrustedSubmission;

import static org.ndoo.gateway.retry.Failure.Told.BOTH;
import static org.ndoo.gateway.retry.Failure.Told.OPERATOR;
import static org.ndoo.gateway.retry.Failure.Told.SUBMITTER;

/**
 * The one place that decides what a failure means: any exception (Camel's wrappers looked through) becomes a
 * {@link Failure} with its outcome, reason in plain words, who is told and whether it is retried. The
 * transient-retries error handler asks it whether to retry in place, submission-failed what to do with the
 * submission. Reasons never quote an exception's message unless the gateway wrote it for people (rejections,
 * MESH), as messages of other libraries can quote what they were sending.
 */
public final class Failures {

    private static final String TELL_OPERATOR = " This is a configuration problem at the gateway, not in your file:"
            + " the gateway operator has been told. Send it again once they say it is fixed.";

    /** The exchange property in which transient-retries hands back a call that failed for good. */
    public static final String FAILED_CALL = "failedCall";

    private final RetrySchedule schedule;

    public Failures(RetrySchedule schedule) {
        this.schedule = schedule;
    }

    /** What {@code failure} means for {@code submission}: a retryable one is postponed, or given up at max age. */
    public Failure classify(Throwable failure, Submission submission) {
        Failure kind = kindOf(failure, submission == null ? null : submission.getInput());
        if (!kind.later() || submission == null) {
            return kind;
        }
        if (!schedule.hasExpired(submission)) {
            return kind.settled(Failure.POSTPONED, kind.reason(), Failure.Told.NOBODY, schedule.nextAttempt(submission));
        }
        return gaveUp(kind);
    }

    /**
     * The end of a submission taken up again after a restart that has waited longer than the maximum age since its
     * first attempt: given up like a retry at its maximum age, for {@code reason} (what it last waited for, in the
     * gateway's words; empty when it had not been postponed before the gateway stopped).
     */
    public Failure gaveUpAfterRestart(String reason) {
        String why = reason == null || reason.isBlank() ? "The gateway was stopped before it could finish the check"
                : reason;
        return gaveUp(retryLater(why, "given up after a restart: older than gateway.retry.max-age"));
    }

    private Failure gaveUp(Failure kind) {
        String waited = kind.reason() + " for longer than the gateway waits (" + schedule.getMaxAge() + ")";
        // a failure only the operator hears of (the submitter cannot be reached: its reply folder is what failed)
        // stays the operator's alone when given up
        if (kind.told() == OPERATOR) {
            return kind.settled("gave-up", waited + ", so the gateway gave up: the submitter was not told and the"
                    + " input was deleted. Have the file sent again once that is fixed.", OPERATOR, null);
        }
        return kind.settled("gave-up", waited + ", so the file was not checked. The gateway operator has been told."
                + " Send it again later.", BOTH, null);
    }

    /**
     * The decision for the submission whose stage failed in {@code exchange} (check-submission's onException): the
     * {@link Failure}, kept in the exchange variable {@code failure} for submission-failed; true when it ends the
     * submission (a result or notice follows), false when it is postponed and the input stays.
     */
    public boolean decide(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Failure decided = classify(failure, exchange.getProperty("submission", Submission.class));
        exchange.setVariable("failure", decided);
        return !decided.isPostponed();
    }

    /** Whether the failed call (to the lookup or the mail server) is worth repeating where it happened. */
    public boolean isRetriedInPlace(Throwable failure) {
        return kindOf(failure, null).inPlace();
    }

    /**
     * Throws again the failure of a call to another server that the transient-retries error handler gave back in
     * the exchange property {@code failedCall} (after its retries in place, if any); nothing to do if it succeeded.
     */
    public void rethrowFailedCall(Exchange exchange) throws Exception {
        Throwable failed = exchange.getProperty(FAILED_CALL, Throwable.class);
        if (failed == null) {
            return;
        }
        exchange.removeProperty(FAILED_CALL);
        // transient-retries let the route go on (to give it back here): clear its marks, so that the submission's
        // own error handler takes this failure as a new one instead of one already dealt with
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        exchange.getExchangeExtension().setFailureHandled(false);
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        if (failed instanceof Exception e) {
            throw e;
        }
        throw new org.apache.camel.RuntimeCamelException(failed);
    }

    Failure kindOf(Throwable failure, Path input) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Failure decided = decisive(t, input);
            if (decided != null) {
                return decided;
            }
        }
        return network(failure);
    }

    /** The kinds recognised by one exception in the chain, or null to look deeper. */
    private static Failure decisive(Throwable t, Path input) {
        if (t instanceof NotLeader) {
            return new Failure(Failure.LEFT_FOR_THE_LEADER, "This node is not the cluster's leader",
                    "left for the leader: " + t.getMessage(), Failure.Told.NOBODY, false, false, null);
        }
        if (t instanceof UntrustedSubmission) {
            return done("refused", t.getMessage(), t.getMessage(), OPERATOR);
        }
        if (t instanceof SubmissionRejected) {
            return done("failed", t.getMessage(), t.getMessage(), SUBMITTER);
        }
        if (t instanceof OutOfMemoryError) {
            return done("failed", "The gateway ran out of memory while checking the file, so it was not checked."
                    + " The gateway operator has been told. Splitting the file into smaller files and dropping"
                    + " them again may help.", "the gateway ran out of memory", BOTH);
        }
        if (t instanceof HttpOperationFailedException http) {
            return lookupAnswer(http.getStatusCode());
        }
        if (t instanceof MeshSendUncertain) {
            return new Failure("failed", "The national opt-out service over MESH gave no clear answer",
                    "MESH send uncertain (HTTP " + ((MeshSendUncertain) t).status() + ")", BOTH, false, true, null);
        }
        if (t instanceof MeshException mesh && mesh.status() >= 400 && mesh.status() != 408 && mesh.status() != 429) {
            return done("failed", "MESH refused the gateway's request (HTTP " + mesh.status() + ")." + TELL_OPERATOR,
                    "gateway configuration: MESH answered HTTP " + mesh.status(), BOTH);
        }
        if (t instanceof SSLException || t instanceof GeneralSecurityException) {
            return done("failed", "The secure connection to the opt-out service could not be set up (a certificate"
                    + " or trust store problem)." + TELL_OPERATOR, "gateway configuration: TLS handshake failed ("
                    + t.getClass().getSimpleName() + ")", BOTH);
        }
        if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException smtp
                && smtp.getReturnCode() >= 500 || t instanceof SendFailedException && !(t instanceof SMTPSendFailedException)) {
            return done("undeliverable", "The mail server permanently refused the email to the submitter, so the"
                    + " result could not be delivered. Check the submitter address; the file was deleted.",
                    "the mail server refused the submitter's address", OPERATOR);
        }
        if (t instanceof AuditLogUnusable audit) {
            return retryLater("The gateway could not write its audit record", "the audit log is unusable ("
                    + (audit.getCause() == null ? "" : audit.getCause().getClass().getSimpleName() + " on ")
                    + Redact.digits(audit.file().toString()) + ")");
        }
        if (t instanceof SftpException || t instanceof JSchException) {
            return SftpReplyFailure.of(t);
        }
        if (t instanceof FileSystemException file) {
            return local(file, input);
        }
        if (t instanceof IOException io && io.getMessage() != null && io.getMessage().contains("No space left")) {
            return retryLater("The gateway's disk was full", "the gateway's disk is full");
        }
        return null;
    }

    private static Failure lookupAnswer(int status) {
        if (status == 408 || status == 429 || status >= 500) {
            return new Failure("failed", "The opt-out lookup service was unavailable",
                    "the opt-out lookup is unavailable: HTTP " + status, BOTH, true, true, null);
        }
        if (status == 401 || status == 403 || status == 404 || status == 407) {
            return done("failed", "The opt-out lookup service refused the gateway's request (HTTP " + status + ")."
                    + TELL_OPERATOR, "gateway configuration: the lookup answered HTTP " + status, BOTH);
        }
        return done("failed", "The opt-out lookup service refused the request (HTTP " + status + "), so the file"
                + " was not checked. Please tell the gateway operator, quoting the submission reference.",
                "the lookup refused the request: HTTP " + status, SUBMITTER);
    }

    /** A file the gateway could not use: the input itself (not retried) or its work directory (tried again later). */
    private static Failure local(FileSystemException e, Path input) {
        String file = e.getFile() == null ? "" : e.getFile();
        if (input != null && !file.isEmpty() && Path.of(file).toAbsolutePath().equals(input.toAbsolutePath())) {
            return done("failed", "The gateway could not read the file (" + e.getClass().getSimpleName()
                    + "), so it was not checked. The gateway operator has been told.",
                    "the input could not be read: " + Redact.digits(file), BOTH);
        }
        return retryLater("The gateway's work directory could not be used",
                "the work directory is unusable (" + e.getClass().getSimpleName() + " on " + Redact.digits(file) + ")");
    }

    /** What is left: a lookup or mail outage (retried in place, then later), or an unexpected problem (later). */
    private static Failure network(Throwable failure) {
        Throwable mail = null;
        Throwable io = null;
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (mail == null && t instanceof MessagingException) {
                mail = t;
            }
            if (io == null && t instanceof IOException) {
                io = t;
            }
            deepest = t;
        }
        if (mail != null) {
            return outage("the mail service", "the mail server", deepest);
        }
        if (io != null || failure instanceof MeshException) {
            return outage("the opt-out lookup service", "the opt-out lookup", deepest);
        }
        return retryLater("The gateway kept hitting an unexpected problem",
                "unexpected " + (failure == null ? "failure" : deepest.getClass().getName()));
    }

    private static Failure outage(String service, String what, Throwable cause) {
        return new Failure("failed", capitalised(service) + " was unavailable", what + " is unavailable ("
                + cause.getClass().getSimpleName() + ")", BOTH, true, true, null);
    }

    private static Failure retryLater(String reason, String detail) {
        return new Failure("failed", reason, detail, BOTH, false, true, null);
    }

    private static Failure done(String outcome, String reason, String detail, Failure.Told told) {
        return new Failure(outcome, reason, detail, told, false, false, null);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

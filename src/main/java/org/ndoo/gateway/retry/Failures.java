package org.ndoo.gateway.retry;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.ndoo.gateway.submission.SubmissionRejected;

/**
 * Sorting failures: which of the lookup's or the mail server's are worth retrying (lost or refused connections,
 * timeouts, HTTP 408, 429 and 5xx, SMTP answers other than a permanent 5xx), and what actually went wrong under
 * Camel's wrapping exceptions.
 */
public final class Failures {

    /**
     * The failure that explains what went wrong: the first gateway rejection or HTTP answer in the cause chain,
     * else the deepest cause.
     */
    public Throwable cause(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SubmissionRejected || t instanceof HttpOperationFailedException) {
                return t;
            }
            deepest = t;
        }
        return deepest;
    }

    public boolean isTransient(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return status == 408 || status == 429 || status >= 500;
        }
        if (failure instanceof SMTPSendFailedException smtp) {
            return smtp.getReturnCode() < 500;
        }
        if (failure instanceof SMTPAddressFailedException || failure instanceof SendFailedException) {
            return false;
        }
        return failure instanceof IOException || failure instanceof MessagingException;
    }

    /** Whether the mail server refused a message for good (a 5xx answer, or a recipient it does not accept). */
    public boolean isMailRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException || (t instanceof SMTPSendFailedException smtp
                    && smtp.getReturnCode() >= 500)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP answer from the lookup that retrying will not change (4xx other than 408 and 429). */
    public boolean isRefusal(Throwable failure) {
        return failure instanceof HttpOperationFailedException && !isTransient(failure);
    }
}

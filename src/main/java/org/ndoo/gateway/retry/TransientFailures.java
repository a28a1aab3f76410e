package org.ndoo.gateway.retry;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Which failures of the lookup or the mail server are worth retrying: lost or refused connections, timeouts,
 * HTTP 408, 429 and 5xx, and SMTP answers other than a permanent 5xx.
 */
public final class TransientFailures {

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

    /** An HTTP answer from the lookup that retrying will not change (4xx other than 408 and 429). */
    public boolean isRefusal(Throwable failure) {
        return failure instanceof HttpOperationFailedException && !isTransient(failure);
    }
}

package org.ndoo.gateway.intake;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.ndoo.gateway.audit.Redact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what a file consumer could not do. A failed poll (no file read yet: server down, login refused, host key
 * changed) is logged with its causes' messages, which speak of connections only. A failed submission is logged by
 * exception type only: Camel's default handler prints messages, and a message built from a body could carry NHS
 * numbers; the routes log what happened in their own words.
 */
public final class QuietExceptionHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QuietExceptionHandler.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange == null) {
            LOG.error("{}: {}", Redact.digits(message == null ? "Poll failed" : message),
                    Redact.digits(causes(exception)));
        } else {
            LOG.warn("Submission not completed: {}; the file is left in place for a later attempt",
                    exception == null ? "unknown failure" : exception.getClass().getName());
        }
    }

    private static String causes(Throwable exception) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return text.length() == 0 ? "unknown failure" : text.toString();
    }
}

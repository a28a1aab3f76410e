package org.ndoo.gateway.intake;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed pick-up by exception type only. Camel's default handler prints exception messages, and a message
 * built from a message body could carry NHS numbers; the routes log what happened in their own words.
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
        LOG.warn("{}: {}; the file is left in place for a later attempt", message == null ? "Pick-up failed" : message,
                exception == null ? "unknown failure" : exception.getClass().getName());
    }
}

package org.ndoo.gateway.operations;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts each in-place retry of a call to another server (the transient-retries error handler's onRedelivery):
 * a mail failure counts as a mail retry, any other as a lookup retry. Wiring only.
 */
public final class RetryCounter implements Processor {

    private final GatewayMetrics metrics;

    public RetryCounter(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        metrics.retried(GatewayMetrics.isMailFailure(failure != null ? failure : exchange.getException())
                ? "mail" : "lookup");
    }
}

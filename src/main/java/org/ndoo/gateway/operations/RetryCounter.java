package org.ndoo.gateway.operations;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts each in-place retry of a call to another server (the transient-retries error handler's onRedelivery):
 * a mail failure counts as a mail retry, any other as a lookup retry. Wiring only.
 */
public final class RetryCounter implements Processor {

    @Override
    public void process(Exchange exchange) {
        // by name, at the time of the retry: the bean the routes call is the last one the YAML DSL made
        GatewayMetrics metrics = exchange.getContext().getRegistry().lookupByNameAndType("gatewayMetrics",
                GatewayMetrics.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (metrics != null) {
            metrics.retried(GatewayMetrics.isMailFailure(failure != null ? failure : exchange.getException())
                    ? "mail" : "lookup");
        }
    }
}

package org.ndoo.gateway.retry;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.ndoo.gateway.state.PostgresRetryAttempts;
import org.ndoo.gateway.state.SharedState;
import org.ndoo.gateway.state.StateBeans;

/** The retry beans, by name: {@code retrySchedule} (resubmissions), {@code inPlaceRedelivery} and {@code failures} (the one classifier). */
public final class RetryBeans extends BeanConfiguration {

    @PropertyInject("gateway.retry.resubmit-first-delay")
    private String firstDelay;
    @PropertyInject("gateway.retry.resubmit-max-delay")
    private String maxDelay;
    @PropertyInject("gateway.retry.max-age")
    private String maxAge;
    @PropertyInject("gateway.retry.attempts")
    private int attempts;
    @PropertyInject("gateway.retry.delay")
    private String delay;
    @PropertyInject("gateway.retry.backoff-multiplier")
    private double multiplier;
    @PropertyInject("gateway.retry.max-delay")
    private String maxRetryDelay;

    /** The attempts in this node's memory when the gateway runs alone; clustered, in the shared database. */
    @BindToRegistry("retrySchedule")
    public RetrySchedule retrySchedule(CamelContext context) {
        SharedState shared = StateBeans.of(context);
        return once("retrySchedule", () -> new RetrySchedule(firstDelay, maxDelay, maxAge, shared.clustered()
                ? new PostgresRetryAttempts(shared.dataSource()) : new RetrySchedule.MemoryAttempts()));
    }

    /** Camel redelivery of the calls retried in place, with the one back-off (gateway.retry.*). */
    @BindToRegistry("inPlaceRedelivery")
    public InPlaceRedelivery inPlaceRedelivery() {
        return once("inPlaceRedelivery", () -> {
            InPlaceRedelivery redelivery = new InPlaceRedelivery();
            redelivery.setAttempts(attempts);
            redelivery.setDelay(delay);
            redelivery.setMultiplier(multiplier);
            redelivery.setMaxDelay(maxRetryDelay);
            return redelivery;
        });
    }

    /** The one classifier of failures: outcome, reason, who is told, retried in place and/or later. */
    @BindToRegistry("failures")
    public Failures failures(CamelContext context) {
        return once("failures", () -> new Failures(retrySchedule(context)));
    }
}

package org.ndoo.gateway.retry;

import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.settings.BeanConfiguration;

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

    @BindToRegistry("retrySchedule")
    public RetrySchedule retrySchedule() {
        return once("retrySchedule", () -> new RetrySchedule(firstDelay, maxDelay, maxAge));
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
    public Failures failures() {
        return once("failures", () -> new Failures(retrySchedule()));
    }
}

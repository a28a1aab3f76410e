package org.ndoo.gateway.retry;

import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.settings.BeanConfiguration;

/** The retry beans, by name: {@code retrySchedule} (resubmissions) and {@code failures} (the one classifier). */
public final class RetryBeans extends BeanConfiguration {

    @PropertyInject("gateway.retry.resubmit-first-delay")
    private String firstDelay;
    @PropertyInject("gateway.retry.resubmit-max-delay")
    private String maxDelay;
    @PropertyInject("gateway.retry.max-age")
    private String maxAge;

    @BindToRegistry("retrySchedule")
    public RetrySchedule retrySchedule() {
        return once("retrySchedule", () -> new RetrySchedule(firstDelay, maxDelay, maxAge));
    }

    /** The one classifier of failures: outcome, reason, who is told, retried in place and/or later. */
    @BindToRegistry("failures")
    public Failures failures() {
        return once("failures", () -> new Failures(retrySchedule()));
    }
}

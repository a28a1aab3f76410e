package org.ndoo.gateway.retry;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** The retry beans, by name: {@code retrySchedule} (resubmissions) and {@code failures} (the one classifier). */
public final class RetryBeans implements CamelConfiguration {

    @PropertyInject("gateway.retry.resubmit-first-delay")
    private String firstDelay;
    @PropertyInject("gateway.retry.resubmit-max-delay")
    private String maxDelay;
    @PropertyInject("gateway.retry.max-age")
    private String maxAge;

    private RetrySchedule schedule;

    @BindToRegistry("retrySchedule")
    public synchronized RetrySchedule retrySchedule() {
        if (schedule == null) {
            schedule = new RetrySchedule(firstDelay, maxDelay, maxAge);
        }
        return schedule;
    }

    /** The one classifier of failures: outcome, reason, who is told, retried in place and/or later. */
    @BindToRegistry("failures")
    public Failures failures() {
        return new Failures(retrySchedule());
    }
}

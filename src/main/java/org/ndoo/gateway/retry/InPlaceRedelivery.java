package org.ndoo.gateway.retry;

import java.time.Duration;

import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.util.TimeUtils;

/**
 * Camel's redelivery of a call retried in place (HTTP lookup, SMTP; the transient-retries error handler), waiting
 * as the gateway's one {@link BackOff} says ({@code gateway.retry.delay}, {@code gateway.retry.backoff-multiplier},
 * {@code gateway.retry.max-delay}), each wait moved by up to 15% (collision avoidance) so that calls that failed
 * together do not all come back at the same moment. Camel's own retry logging is off: operations/RetryLog logs each
 * retry in the gateway's words.
 */
public final class InPlaceRedelivery extends RedeliveryPolicy {

    private Duration delay = Duration.ofSeconds(1);
    private double multiplier = 2;
    private Duration maxDelay = Duration.ofMinutes(1);

    public InPlaceRedelivery() {
        setUseCollisionAvoidance(true);
        setLogRetryAttempted(false);
        setLogRetryStackTrace(false);
        setLogExhausted(false);
        setLogStackTrace(false);
    }

    /** How many times a failed call is repeated ({@code gateway.retry.attempts}). */
    public void setAttempts(int attempts) {
        setMaximumRedeliveries(attempts);
    }

    /** The first wait ({@code gateway.retry.delay}: plain milliseconds, or 500ms, 2s, 1m). */
    public void setDelay(String delay) {
        this.delay = TimeUtils.toDuration(delay.strip());
    }

    public void setMultiplier(double multiplier) {
        this.multiplier = multiplier;
    }

    /** The longest wait ({@code gateway.retry.max-delay}). */
    public void setMaxDelay(String maxDelay) {
        this.maxDelay = TimeUtils.toDuration(maxDelay.strip());
    }

    /** The back-off of these retries, also used by RetryLog to say when the next one is. */
    public BackOff backOff() {
        // a first delay above the maximum waits the maximum, as Camel's own back-off did
        return new BackOff(delay.compareTo(maxDelay) > 0 ? maxDelay : delay, multiplier, maxDelay);
    }

    @Override
    public long calculateRedeliveryDelay(long previousDelayInMillis, int redeliveryCounter) {
        long wait = backOff().delayAfter(Math.max(1, redeliveryCounter)).toMillis();
        if (isUseCollisionAvoidance()) {
            double spread = getCollisionAvoidanceFactor();
            wait += (long) (wait * spread * (2 * getRandomNumberGenerator().nextDouble() - 1));
        }
        return Math.max(0, wait);
    }
}

package org.ndoo.gateway.retry;

import java.time.Duration;

/**
 * The one back-off policy of the gateway: after the first failure wait {@code first}, after each further failure
 * {@code multiplier} times longer, never longer than {@code max}. Used for calls retried in place (Camel redelivery
 * of the HTTP lookup and SMTP, {@code gateway.retry.*}), for the MESH client's calls that are safe to repeat
 * ({@code gateway.lookup.mesh.retry.*}) and for submissions tried again later ({@code gateway.retry.resubmit-*}).
 */
public record BackOff(Duration first, double multiplier, Duration max) {

    public BackOff {
        if (first == null || max == null || first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 <= first delay <= maximum delay");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("a back-off multiplier must be at least 1, not " + multiplier);
        }
    }

    /** The wait after {@code failures} failed attempts in a row (1 for the first failure). */
    public Duration delayAfter(int failures) {
        double millis = first.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= multiplier;
        }
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}

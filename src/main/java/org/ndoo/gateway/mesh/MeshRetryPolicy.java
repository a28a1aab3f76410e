package org.ndoo.gateway.mesh;

import java.time.Duration;

/**
 * How often and how patiently the calls that are safe to repeat are tried: {@code attempts} in all, waiting
 * {@code firstDelay} after the first failure and doubling each time up to {@code maxDelay}.
 */
public record MeshRetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

    public MeshRetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("MESH retry attempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("MESH retry delays must satisfy 0 <= first <= max");
        }
    }

    /** Four attempts, 2 s then 4 s then 8 s (capped at 60 s). */
    public static MeshRetryPolicy standard() {
        return new MeshRetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    /** The wait after failed attempt {@code failed} (1-based). */
    public Duration delayAfter(int failed) {
        Duration delay = firstDelay;
        for (int i = 1; i < failed && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

package org.ndoo.gateway.mesh;

import java.time.Duration;

import org.ndoo.gateway.retry.BackOff;

/**
 * How often and how patiently the calls that are safe to repeat are tried: {@code attempts} in all, waiting as
 * {@code backOff} says between them ({@code gateway.lookup.mesh.retry.*}).
 */
public record MeshRetryPolicy(int attempts, BackOff backOff) {

    public MeshRetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("MESH retry attempts must be at least 1");
        }
    }

    /** {@code attempts} in all, waiting {@code firstDelay} after the first failure and doubling up to {@code maxDelay}. */
    public MeshRetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
        this(attempts, new BackOff(firstDelay, 2, maxDelay));
    }

    /** Four attempts, 2 s then 4 s then 8 s (capped at 60 s): the defaults of gateway.lookup.mesh.retry.*. */
    public static MeshRetryPolicy standard() {
        return new MeshRetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    /** The wait after failed attempt {@code failed} (1-based). */
    public Duration delayAfter(int failed) {
        return backOff.delayAfter(failed);
    }
}

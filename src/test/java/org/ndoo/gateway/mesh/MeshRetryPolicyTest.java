package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MeshRetryPolicyTest {

    @Test
    void delaysDoubleUpToTheCap() {
        MeshRetryPolicy policy = new MeshRetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertEquals(Duration.ofSeconds(2), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(4), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(8), policy.delayAfter(3));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(4));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(5));
    }

    @Test
    void needsAtLeastOneAttemptAndOrderedDelays() {
        assertThrows(IllegalArgumentException.class, () -> new MeshRetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new MeshRetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }
}

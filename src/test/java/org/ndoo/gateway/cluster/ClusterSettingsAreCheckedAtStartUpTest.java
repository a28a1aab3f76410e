package org.ndoo.gateway.cluster;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.startup.StartupRefused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clustering keys, under Camel's own names: off by default; on, a root and a node id are required; the failover
 * time the README documents follows from the interval and the multiplier; a setting that cannot work is refused in
 * one line naming its key.
 */
class ClusterSettingsAreCheckedAtStartUpTest {

    private static ClusterSettings read(Map<String, String> values) {
        return ClusterSettings.from(key -> values.getOrDefault(key, ""));
    }

    @Test
    void offUnlessEnabled() {
        assertFalse(read(Map.of()).enabled());
    }

    @Test
    void theDefaultsFailOverWithinEighteenSeconds() {
        ClusterSettings settings = read(Map.of("camel.cluster.file.enabled", "true",
                "camel.cluster.file.root", "/srv/ndoo/cluster", "camel.cluster.file.id", "node-a"));
        assertEquals(Duration.ofSeconds(3), settings.acquireLockInterval());
        assertEquals(5, settings.heartbeatTimeoutMultiplier());
        assertEquals(Duration.ofSeconds(18), settings.failoverTime());
    }

    @Test
    void anIntervalIsADuration() {
        ClusterSettings settings = read(Map.of("camel.cluster.file.acquire-lock-interval", "1500ms",
                "camel.cluster.file.heartbeat-timeout-multiplier", "4"));
        assertEquals(Duration.ofMillis(7500), settings.failoverTime());
    }

    @Test
    void anotherServiceDeclaredByConfigurationMakesANodeNamedByItsId() {
        ClusterSettings settings = read(Map.of("camel.beans.clusterService",
                "#class:org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService",
                "camel.beans.clusterService.id", "node-z"));
        assertTrue(settings.clustered());
        assertFalse(settings.enabled());
        assertEquals("node-z", settings.node());
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheirKey() {
        Map<String, Map<String, String>> wrong = Map.of(
                "camel.cluster.file.root", Map.of("camel.cluster.file.enabled", "true", "camel.cluster.file.id", "a"),
                "camel.cluster.file.id", Map.of("camel.cluster.file.enabled", "true",
                        "camel.cluster.file.root", "/srv/c", "camel.cluster.file.id", "../etc"),
                "camel.cluster.file.heartbeat-timeout-multiplier",
                Map.of("camel.cluster.file.heartbeat-timeout-multiplier", "1"),
                "camel.cluster.file.acquire-lock-interval", Map.of("camel.cluster.file.acquire-lock-interval", "PT3S"),
                "camel.beans.clusterService.id", Map.of("camel.beans.clusterService", "#class:x.Service"));
        wrong.forEach((key, values) -> {
            StartupRefused refused = assertThrows(StartupRefused.class, () -> read(values), key);
            assertTrue(refused.getMessage().startsWith(key), refused.getMessage());
        });
    }
}

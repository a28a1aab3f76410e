package org.ndoo.gateway.cluster;

import java.time.Duration;
import java.util.function.Function;

import org.ndoo.gateway.settings.SettingsCheck;
import org.ndoo.gateway.startup.StartupRefused;

/**
 * The clustering settings, read by the gateway itself under Camel's own names ({@code camel.cluster.file.*}: camel-main
 * 4.18 does not read them). Clustered when {@code camel.cluster.file.enabled} is true; then {@code root} (the shared
 * folder holding the lock) and {@code id} (this node, different on every node) are required.
 */
public record ClusterSettings(boolean enabled, String root, String nodeId, Duration acquireLockDelay,
        Duration acquireLockInterval, int heartbeatTimeoutMultiplier, String declaredNodeId) {

    /** The prefix of every key. */
    public static final String PREFIX = "camel.cluster.file.";
    /**
     * The camel-main key that declares another cluster service by configuration ({@code camel.beans.clusterService =
     * #class:...}); its {@code .id} names the node.
     */
    public static final String DECLARED = "camel.beans.clusterService";

    private static final String NODE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

    /** The lock's name under the root: one gateway, whatever the nodes' ids. */
    public static final String NAMESPACE = "ndoo-gateway";

    /** The settings from {@code setting} (key to value, empty when unset); refused in one line naming the key. */
    public static ClusterSettings from(Function<String, String> setting) {
        boolean enabled = Boolean.parseBoolean(value(setting, "enabled", "false"));
        String root = value(setting, "root", "");
        String id = value(setting, "id", "");
        Duration delay = SettingsCheck.duration(PREFIX + "acquire-lock-delay", value(setting, "acquire-lock-delay", "1s"));
        Duration interval = SettingsCheck.duration(PREFIX + "acquire-lock-interval",
                value(setting, "acquire-lock-interval", "3s"));
        String multiplier = value(setting, "heartbeat-timeout-multiplier", "5");
        int times;
        try {
            times = Integer.parseInt(multiplier);
        } catch (NumberFormatException e) {
            times = 0;
        }
        if (times < 2) {
            throw new StartupRefused(PREFIX + "heartbeat-timeout-multiplier=" + multiplier
                    + " is not a whole number of at least 2");
        }
        if (enabled && root.isEmpty()) {
            throw new StartupRefused(PREFIX + "root is empty: name the shared folder that holds the nodes' lock");
        }
        if (enabled && !id.matches(NODE_ID)) {
            throw new StartupRefused(PREFIX + "id='" + id + "' is not a node id: give each node its own short name"
                    + " (letters, digits, '.', '_' or '-'), for example node-a");
        }
        if (interval.toMillis() < 100) {
            throw new StartupRefused(PREFIX + "acquire-lock-interval=" + interval + " is shorter than 100ms");
        }
        String service = value(setting, DECLARED, "", "");
        String declared = service.isEmpty() ? "" : value(setting, DECLARED, ".id", "");
        if (!enabled && !service.isEmpty() && !declared.matches(NODE_ID)) {
            throw new StartupRefused(DECLARED + ".id='" + declared + "' is not a node id: give each node's cluster"
                    + " service its own short name (letters, digits, '.', '_' or '-')");
        }
        return new ClusterSettings(enabled, root, id, delay, interval, times, declared);
    }

    /** Whether this gateway is one node of a cluster: the file lock enabled, or another service declared. */
    public boolean clustered() {
        return enabled || !declaredNodeId.isEmpty();
    }

    /** This node's id, whichever service elects the leader (empty: a single gateway). */
    public String node() {
        return enabled ? nodeId : declaredNodeId;
    }

    private static String value(Function<String, String> setting, String key, String otherwise) {
        return value(setting, PREFIX, key, otherwise);
    }

    private static String value(Function<String, String> setting, String prefix, String key, String otherwise) {
        String value = setting.apply(prefix + key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /**
     * How long a standby waits, at most, before it takes over from a leader that died: the heartbeat must stay
     * unchanged for interval x multiplier, seen at the standby's own checks, one interval apart.
     */
    public Duration failoverTime() {
        return acquireLockInterval.multipliedBy(heartbeatTimeoutMultiplier + 1L);
    }

}

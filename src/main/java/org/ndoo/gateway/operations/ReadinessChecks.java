package org.ndoo.gateway.operations;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The gateway's readiness checks in Camel's health registry, one per dependency by name (inbox, work-directory,
 * lookup, mail-server), as served at /observe/health/ready; {@code ?data=true} adds each check's full detail and
 * the exact path of the folder it is about. Wiring only: {@link DependencyHealth} decides.
 */
public final class ReadinessChecks implements HealthCheckRepository {

    private final DependencyHealth health;
    private final Supplier<Map<String, Object>> node;
    private boolean enabled = true;

    public ReadinessChecks(DependencyHealth health) {
        this(health, Map::of);
    }

    /**
     * {@code node}: this node's id and role ({@code node}, {@code role}: leader | standby | single), shown in the
     * detail of the check {@code gateway/cluster}, which is always up: a standby is ready, as it answers pages and
     * hands web checks to the leader.
     */
    public ReadinessChecks(DependencyHealth health, Supplier<Map<String, Object>> node) {
        this.health = health;
        this.node = node;
    }

    @Override
    public String getId() {
        return "gateway-dependencies";
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Stream<HealthCheck> stream() {
        return Stream.of(
                new Readiness(DependencyHealth.INBOX, health::inbox),
                new Readiness(DependencyHealth.WORK_DIRECTORY, health::workDirectory),
                new Readiness(DependencyHealth.LOOKUP, health::lookup),
                new Readiness(DependencyHealth.MAIL_SERVER, health::mailServer), new ClusterRole(node));
    }

    private static final class ClusterRole extends AbstractHealthCheck {

        private final Supplier<Map<String, Object>> node;

        ClusterRole(Supplier<Map<String, Object>> node) {
            super("gateway", "cluster");
            this.node = node;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.details(node.get());
            builder.message(String.valueOf(node.get().getOrDefault("role", "single")));
            builder.up();
        }
    }

    private static final class Readiness extends AbstractHealthCheck {

        private final Supplier<DependencyHealth.Check> check;

        Readiness(String id, Supplier<DependencyHealth.Check> check) {
            super("gateway", id);
            this.check = check;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            DependencyHealth.Check result = check.get();
            // Camel's /observe/health escapes a message twice ('/' reaches a JSON client as "\/"), its data once:
            // the message names the folder by its setting, the data carries the exact path (?data=true)
            builder.detail("detail", result.detail());
            if (result.folder() != null) {
                builder.detail("path", result.folder().path());
            }
            builder.message(result.detailWithoutPath());
            if (result.up()) {
                builder.up();
            } else {
                builder.down();
            }
        }
    }
}

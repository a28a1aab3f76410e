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
    private boolean enabled = true;

    public ReadinessChecks(DependencyHealth health) {
        this.health = health;
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
                new Readiness(DependencyHealth.MAIL_SERVER, health::mailServer));
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

package org.ndoo.gateway.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.ndoo.gateway.cluster.Leadership;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.ndoo.gateway.state.PostgresBoardStore;
import org.ndoo.gateway.state.SharedState;
import org.ndoo.gateway.state.StateBeans;

/**
 * The operations beans, by name (README, "Operations"): the submission board, the gateway's metrics (bound once to
 * the registry /observe/metrics serves), the retry counter and log, the dependency checks, the readiness checks and
 * the status page (served on the management server by {@link ManagementStatusPage}).
 */
public final class OperationsBeans extends BeanConfiguration {

    @PropertyInject("gateway.lookup.chunk-size")
    private int chunkSize;
    @PropertyInject("gateway.lookup.type")
    private String lookupType;
    @PropertyInject("gateway.lookup.http.url")
    private String httpUrl;
    @PropertyInject("gateway.lookup.mesh.url")
    private String meshUrl;
    @PropertyInject("gateway.inbox.dir")
    private String inbox;
    @PropertyInject("gateway.work.dir")
    private String workDir;
    @PropertyInject("gateway.health.work-min-free-mb")
    private long workMinFreeMegabytes;
    @PropertyInject("gateway.mail.transport")
    private String mailTransport;
    @PropertyInject("gateway.mail.pickup-dir")
    private String pickupDir;
    @PropertyInject("gateway.mail.smtp.host")
    private String smtpHost;
    @PropertyInject("gateway.mail.smtp.port")
    private int smtpPort;
    @BeanInject("leadership")
    private Leadership leadership;
    @PropertyInject("camel.main.name")
    private String gatewayName;
    @PropertyInject("gateway.status.refresh-seconds")
    private int refreshSeconds;

    @PropertyInject(value = "gateway.web.history-days", defaultValue = "7")
    private long historyDays;

    /**
     * The board: in this node's memory when the gateway runs alone; clustered, in the shared database, where the
     * outcomes are kept for the web history's days (/checks is served from them).
     */
    @BindToRegistry("submissionBoard")
    public SubmissionBoard submissionBoard(CamelContext context) {
        SharedState shared = StateBeans.of(context);
        return once("submissionBoard", () -> shared.clustered()
                ? new SubmissionBoard(chunkSize, Clock.systemUTC(), new PostgresBoardStore(shared.dataSource(),
                        Duration.ofDays(historyDays), Clock.systemUTC()), shared.nodeId())
                : new SubmissionBoard(chunkSize));
    }

    @BindToRegistry("gatewayMetrics")
    public GatewayMetrics gatewayMetrics(@BeanInject("metricsRegistry") MeterRegistry registry, CamelContext context) {
        return once("gatewayMetrics", () -> {
            GatewayMetrics metrics = new GatewayMetrics(submissionBoard(context), lookupType);
            metrics.bindTo(registry);
            metrics.bindLeadership(registry, leadership::leaderGauge);
            return metrics;
        });
    }

    @BindToRegistry("retryCounter")
    public RetryCounter retryCounter(@BeanInject("metricsRegistry") MeterRegistry registry, CamelContext context) {
        return once("retryCounter", () -> new RetryCounter(gatewayMetrics(registry, context)));
    }

    /** Logs each in-place retry in the gateway's words (reads gateway.retry.* itself). */
    @BindToRegistry("retryLog")
    public RetryLog retryLog() {
        return once("retryLog", RetryLog::new);
    }

    @BindToRegistry("dependencyHealth")
    public DependencyHealth dependencyHealth() {
        return once("dependencyHealth", () -> new DependencyHealth(
                new DependencyHealth.Folders(inbox, workDir, workMinFreeMegabytes),
                new DependencyHealth.Lookup(lookupType, httpUrl, meshUrl),
                new DependencyHealth.Mail(mailTransport, pickupDir, smtpHost, smtpPort)));
    }

    /** Also registered in Camel's health registry, which has looked for repositories before these beans exist. */
    @BindToRegistry("readinessChecks")
    public ReadinessChecks readinessChecks(CamelContext context) {
        return once("readinessChecks", () -> {
            ReadinessChecks checks = new ReadinessChecks(dependencyHealth(),
                    () -> Map.of("role", leadership.role(), "node", leadership.nodeId()));
            HealthCheckRegistry registry = HealthCheckRegistry.get(context);
            if (registry != null) {
                registry.register(checks);
            }
            return checks;
        });
    }

    @BindToRegistry("statusPage")
    public StatusPage statusPage(CamelContext context) {
        return once("statusPage", () -> new StatusPage(submissionBoard(context), dependencyHealth(), gatewayName,
                refreshSeconds, () -> leadership.clustered() ? leadership.nodeId() + ", " + leadership.role() : ""));
    }

    /** Serves the status page on the management server once Camel has started. */
    @BindToRegistry("managementStatusPage")
    public ManagementStatusPage managementStatusPage(CamelContext context) {
        return once("managementStatusPage", () -> {
            ManagementStatusPage served = new ManagementStatusPage(statusPage(context));
            try {
                context.addStartupListener(served);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot serve the status page: " + e.getMessage(), e);
            }
            return served;
        });
    }
}

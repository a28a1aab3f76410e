package org.ndoo.gateway.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The operations beans, by name (README, "Operations"): the submission board, the gateway's metrics (bound once to
 * the registry /observe/metrics serves), the retry counter and log, the dependency checks, the readiness checks and
 * the status page.
 */
public final class OperationsBeans implements CamelConfiguration {

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
    @PropertyInject("camel.main.name")
    private String gatewayName;
    @PropertyInject("gateway.status.refresh-seconds")
    private int refreshSeconds;

    private SubmissionBoard board;
    private GatewayMetrics metrics;
    private DependencyHealth health;

    @BindToRegistry("submissionBoard")
    public synchronized SubmissionBoard submissionBoard() {
        if (board == null) {
            board = new SubmissionBoard(chunkSize);
        }
        return board;
    }

    @BindToRegistry("gatewayMetrics")
    public synchronized GatewayMetrics gatewayMetrics(@BeanInject("metricsRegistry") MeterRegistry registry) {
        if (metrics == null) {
            metrics = new GatewayMetrics(submissionBoard(), lookupType);
            metrics.bindTo(registry);
        }
        return metrics;
    }

    @BindToRegistry("retryCounter")
    public RetryCounter retryCounter(@BeanInject("metricsRegistry") MeterRegistry registry) {
        return new RetryCounter(gatewayMetrics(registry));
    }

    /** Logs each in-place retry in the gateway's words (reads gateway.retry.* itself). */
    @BindToRegistry("retryLog")
    public RetryLog retryLog() {
        return new RetryLog();
    }

    @BindToRegistry("dependencyHealth")
    public synchronized DependencyHealth dependencyHealth() {
        if (health == null) {
            health = new DependencyHealth(new DependencyHealth.Folders(inbox, workDir, workMinFreeMegabytes),
                    new DependencyHealth.Lookup(lookupType, httpUrl, meshUrl),
                    new DependencyHealth.Mail(mailTransport, pickupDir, smtpHost, smtpPort));
        }
        return health;
    }

    @BindToRegistry("readinessChecks")
    public ReadinessChecks readinessChecks() {
        return new ReadinessChecks(dependencyHealth());
    }

    @BindToRegistry("statusPage")
    public StatusPage statusPage() {
        return new StatusPage(submissionBoard(), dependencyHealth(), gatewayName, refreshSeconds);
    }
}

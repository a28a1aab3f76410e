package org.ndoo.gateway.startup;

import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.ndoo.gateway.cluster.ClusterSettings;
import org.ndoo.gateway.settings.SettingsCheck;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.web.WebTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's start and stop around Camel Main. Before Camel configures anything (no bean made, no work file
 * touched, no consumer started): check the settings ({@link SettingsCheck}), claim the {@link ConsumerGuard} and
 * check that the HTTP ports are free. Once Camel
 * has started: check that both servers really listen, then log the {@link ReadyLine}. At stop: release the guard.
 * Any refusal is a {@link StartupRefused}, which {@code GatewayMain} reports in one line.
 */
public final class GatewayStartup extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayStartup.class);

    private final Function<Function<String, String>, ConsumerGuard> guards;
    private ConsumerGuard guard;
    private volatile StartupRefused refusal;

    /** {@code guards} makes the guard from the settings (today a {@link WorkDirectoryLock}). */
    public GatewayStartup(Function<Function<String, String>, ConsumerGuard> guards) {
        this.guards = guards;
    }

    /**
     * One gateway per work directory; when clustered (cluster.ClusterSettings), one node per node id on the shared
     * work directory (its lock in {@code <work>/nodes/<id>}), Camel's cluster service deciding which node consumes.
     */
    public static GatewayStartup withWorkDirectoryLock() {
        return new GatewayStartup(setting -> {
            java.nio.file.Path work = java.nio.file.Path.of(setting.apply("gateway.work.dir"));
            ClusterSettings cluster = ClusterSettings.from(setting);
            return cluster.clustered()
                    ? new WorkDirectoryLock(work.resolve(WorkArea.NODES_DIR).resolve(cluster.node()),
                            cluster.enabled() ? ClusterSettings.PREFIX + "id" : ClusterSettings.DECLARED + ".id")
                    : new WorkDirectoryLock(work, "gateway.work.dir");
        });
    }

    /** Why start-up was refused, or null. */
    public StartupRefused refusal() {
        return refusal;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        try {
            Function<String, String> setting = settings(main.getCamelContext());
            new SettingsCheck(setting).check();
            guard = guards.apply(setting);
            guard.claim();
            new ListeningPorts(setting).checkFree();
        } catch (StartupRefused e) {
            refusal = e;
            throw e;
        }
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        try {
            LOG.info(readyLine(context));
        } catch (StartupRefused e) {
            // a port taken between the check before start and Vert.x binding it: stop at once
            refusal = e;
            context.stop();
        }
    }

    private static String readyLine(CamelContext context) {
        Function<String, String> setting = settings(context);
        ListeningPorts ports = new ListeningPorts(setting);
        String web = null;
        String status = null;
        String health = null;
        for (ListeningPorts.Server server : ports.servers()) {
            String base = "http://" + server.host() + ":" + ports.boundPort(context, server);
            if (server.management()) {
                String path = setting.apply("camel.management.path");
                health = base + (path.isBlank() ? "/observe" : path) + "/health";
                status = base + "/status";
            } else {
                web = (WebTls.configured(setting) ? "https" : "http") + base.substring("http".length()) + "/";
            }
        }
        return ReadyLine.of(setting, web, status, health);
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (guard != null) {
            guard.close();
        }
    }

    private static Function<String, String> settings(CamelContext context) {
        return key -> context.getPropertiesComponent().resolveProperty(key).orElse("");
    }
}

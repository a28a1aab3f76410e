package org.ndoo.gateway.cluster;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clustering beans, by name (README, "Running two nodes"). Which cluster service, chosen here once:
 * <ul>
 * <li>{@code camel.cluster.file.enabled=true}: Camel's {@link FileLockClusterService} on {@code camel.cluster.file.root},
 * bound as {@code clusterService};</li>
 * <li>otherwise a {@link CamelClusterService} bean named {@code clusterService} declared by configuration
 * ({@code camel.beans.clusterService=#class:...}, ZooKeeper or Kubernetes leases, say), if there is one;</li>
 * <li>otherwise none: a single gateway, guarded by its work-directory lock.</li>
 * </ul>
 * {@code leadership} says the node's role and fences; {@code leaderOnly} is the route policy of every route that
 * consumes shared inputs: Camel's {@link ClusteredRoutePolicy} when clustered, a policy that does nothing when single.
 */
public final class ClusterBeans extends BeanConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBeans.class);

    /** The registry name of the cluster service, whether the gateway makes it or configuration declares it. */
    public static final String SERVICE = "clusterService";

    @BindToRegistry("leadership")
    public Leadership leadership(CamelContext context) {
        return once("leadership", () -> {
            ClusterSettings settings = ClusterSettings.from(
                    key -> context.getPropertiesComponent().resolveProperty(key).orElse(""));
            CamelClusterService service = settings.enabled() ? fileLock(settings, context)
                    : context.getRegistry().lookupByNameAndType(SERVICE, CamelClusterService.class);
            if (service == null) {
                return Leadership.single();
            }
            try {
                context.addService(service, true, true);
                Leadership leadership = Leadership.inCluster(service);
                leadership.join();
                LOG.info("Clustered as node {} ({}): only the leader consumes; {}", service.getId(),
                        service.getClass().getSimpleName(), settings.enabled()
                                ? "a standby takes over within " + settings.failoverTime().toSeconds() + " s"
                                : "a standby takes over as that service decides");
                return leadership;
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
        });
    }

    private static CamelClusterService fileLock(ClusterSettings settings, CamelContext context) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(settings.nodeId());
        service.setRoot(settings.root());
        service.setAcquireLockDelay(settings.acquireLockDelay().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(settings.acquireLockInterval().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(settings.heartbeatTimeoutMultiplier());
        service.setCamelContext(context);
        context.getRegistry().bind(SERVICE, service);
        return service;
    }

    @BindToRegistry("leaderOnly")
    public RoutePolicy leaderOnly(CamelContext context) {
        return once("leaderOnly", () -> {
            Leadership leadership = leadership(context);
            if (!leadership.clustered()) {
                return new RunsWithTheGateway();
            }
            try {
                return ClusteredRoutePolicy.forNamespace(
                        context.getRegistry().lookupByNameAndType(SERVICE, CamelClusterService.class),
                        ClusterSettings.NAMESPACE);
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
        });
    }
}

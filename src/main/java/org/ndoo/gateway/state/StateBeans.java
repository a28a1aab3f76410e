package org.ndoo.gateway.state;

import java.util.function.Function;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.ndoo.gateway.settings.Secrets;
import org.ndoo.gateway.startup.StartupRefused;

/**
 * The state bean, {@value SharedState#BEAN}, made first of all the gateway's beans (first in
 * {@code camel.main.configuration-classes}) so that every *Beans class after it can choose its stores by it: the
 * one place where clustered ({@code camel.cluster.file.enabled=true}) means "in PostgreSQL". Clustered, it opens the
 * pool and migrates the schema now, before any route starts, and closes the pool when Camel stops.
 */
public final class StateBeans extends BeanConfiguration {

    @BindToRegistry(SharedState.BEAN)
    public SharedState sharedState(CamelContext context) {
        return once(SharedState.BEAN, () -> {
            Function<String, String> setting = key -> context.getPropertiesComponent().resolveProperty(key).orElse("");
            if (!StateSettings.clustered(setting)) {
                return SharedState.single();
            }
            StateSettings.check(setting);
            String password;
            try {
                password = Secrets.resolve(setting.apply(StateSettings.PASSWORD),
                        setting.apply(StateSettings.PASSWORD_FILE));
            } catch (RuntimeException e) {
                throw new StartupRefused(StateSettings.PASSWORD_FILE + " " + setting.apply(StateSettings.PASSWORD_FILE)
                        + " cannot be read");
            }
            SharedState state = SharedState.clustered(StateDatabase.open(setting.apply(StateSettings.JDBC_URL).strip(),
                    setting.apply(StateSettings.USERNAME).strip(), password), nodeId(setting));
            context.addLifecycleStrategy(LifecycleStrategySupport.adapt(
                    LifecycleStrategySupport.onCamelContextStopped(stopped -> state.close())));
            return state;
        });
    }

    /** The shared state of {@code context}, made by this class. */
    public static SharedState of(CamelContext context) {
        SharedState state = context.getRegistry().lookupByNameAndType(SharedState.BEAN, SharedState.class);
        return state == null ? SharedState.single() : state;
    }

    /** camel.cluster.file.id (required when clustered, cluster.ClusterSettings), or the declared service's id. */
    static String nodeId(Function<String, String> setting) {
        String id = StateSettings.value(setting, StateSettings.CLUSTER_NODE_ID);
        return id.isEmpty() ? StateSettings.value(setting, StateSettings.CLUSTER_SERVICE_BEAN + ".id") : id;
    }
}

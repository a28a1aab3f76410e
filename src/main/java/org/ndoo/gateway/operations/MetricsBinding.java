package org.ndoo.gateway.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Binds the bean {@code gatewayMetrics} ({@link GatewayMetrics}) to the registry Camel serves at /observe/metrics ({@code metricsRegistry}) when Camel
 * has started. Wiring only. (Not at bean creation: the YAML DSL creates its beans before Camel's Prometheus service
 * has made that registry, and then again.)
 */
public final class MetricsBinding extends EventNotifierSupport {


    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        // both by name, now: the beans the routes call are the last ones the YAML DSL made
        MeterRegistry registry = getCamelContext().getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        GatewayMetrics metrics = getCamelContext().getRegistry().lookupByNameAndType("gatewayMetrics", GatewayMetrics.class);
        if (registry != null && metrics != null) {
            metrics.bindTo(registry);
        }
    }
}

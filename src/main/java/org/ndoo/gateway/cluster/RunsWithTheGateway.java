package org.ndoo.gateway.cluster;

import org.apache.camel.support.RoutePolicySupport;

/** The {@code leaderOnly} policy of a single gateway: the route starts and stops with the gateway, as any other. */
final class RunsWithTheGateway extends RoutePolicySupport {
}

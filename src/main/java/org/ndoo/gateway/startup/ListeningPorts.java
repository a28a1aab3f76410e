package org.ndoo.gateway.startup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The two HTTP servers (the web front door: {@code gateway.web.*} on Camel's main server; status page, health and
 * metrics: {@code gateway.observe.*} on its management server). A port that cannot be bound stops start-up: checked before
 * Camel starts (a clear one-line reason, nothing consumed yet), and again once the servers run (Vert.x only logs a
 * bind failure and carries on). Also gives the addresses as really bound, for the ready line.
 */
final class ListeningPorts {

    /** One server: the settings it comes from and what they hold. */
    record Server(String what, String prefix, boolean management, String host, int port) {

        String setting() {
            return prefix + ".port";
        }
    }

    private final List<Server> servers;

    ListeningPorts(Function<String, String> setting) {
        this.servers = List.of(
                server("web front door", "gateway.web", false, "camel.server", setting),
                server("status page, health and metrics", "gateway.observe", true, "camel.management", setting))
                .stream().flatMap(Optional::stream).toList();
    }

    private static Optional<Server> server(String what, String prefix, boolean management, String camelPrefix,
                                           Function<String, String> setting) {
        if (!Boolean.parseBoolean(setting.apply(camelPrefix + ".enabled"))) {
            return Optional.empty();
        }
        String host = setting.apply(camelPrefix + ".host");
        String port = setting.apply(camelPrefix + ".port");
        try {
            return Optional.of(new Server(what, prefix, management, host.isBlank() ? "0.0.0.0" : host, Integer.parseInt(port)));
        } catch (NumberFormatException e) {
            throw new StartupRefused(prefix + ".port must be a port number, not '" + port + "'");
        }
    }

    /** Before start: every fixed port can be bound now (port 0 picks a free one and cannot be taken). */
    void checkFree() {
        for (Server server : servers) {
            if (server.port() == 0) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(server.host(), server.port()));
            } catch (IOException e) {
                throw refusal(server, e.getMessage());
            }
        }
    }

    /** After start: each server really listens; returns the port it listens on. */
    int boundPort(CamelContext context, Server server) {
        // with the same port for both, Camel serves health and metrics on the main server
        boolean shared = server.management() && servers.stream().anyMatch(s -> !s.management() && s.port() == server.port());
        return context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(router -> server.management() && !shared ? router.isManagementServer() : router.isMainServer())
                .map(router -> router.getServer().getPort()).filter(port -> port > 0).findFirst()
                .orElseThrow(() -> refusal(server, "not listening"));
    }

    List<Server> servers() {
        return servers;
    }

    private static StartupRefused refusal(Server server, String why) {
        return new StartupRefused("The " + server.what() + " cannot listen on " + server.host() + ":" + server.port()
                + " (" + server.setting() + ", " + server.prefix() + ".host): " + why
                + "; is another gateway or program using the port? Free it or choose another " + server.setting());
    }
}

package org.ndoo.gateway.operations;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the operators' status page on Camel's management server ({@code camel.management.*}, from
 * {@code gateway.observe.*}, loopback by default) at {@code GET /status}, beside health and metrics, and leads
 * {@code GET /} there. Camel 4.18's {@code platform-http} routes always bind to the main server
 * ({@code camel.server.*}, the staff's web front door), so the page is a Vert.x route added to the management
 * server's own router once Camel has started. It renders {@link StatusPage} and answers only its own headers
 * (never the request's), {@code Cache-Control: no-store}. With the management server off there is no status page
 * (the ready line says so).
 */
public final class ManagementStatusPage implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementStatusPage.class);

    private final StatusPage page;

    public ManagementStatusPage(StatusPage page) {
        this.page = page;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes are added once everything has started (onCamelContextFullyStarted)
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server == null || server.getRouter() == null) {
            return;
        }
        VertxPlatformHttpRouter router = server.getRouter();
        // the page asks the dependencies (TCP connections): off the event loop
        router.get("/status").blockingHandler(this::status, false);
        // with both ports 0 (tests) Camel shares the main server, whose root is the staff's page
        if (router.isManagementServer()) {
            router.get("/").handler(request -> headers(request.response()).setStatusCode(302)
                    .putHeader("Location", "/status").end());
        }
    }

    private void status(RoutingContext request) {
        HttpServerResponse response = headers(request.response());
        try {
            response.putHeader("Content-Type", "text/html; charset=utf-8").end(page.render());
        } catch (RuntimeException e) {
            LOG.warn("The status page could not be made: {}", e.toString());
            response.setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("The status page could not be made; see the gateway's log.");
        }
    }

    private static HttpServerResponse headers(HttpServerResponse response) {
        return response.putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY");
    }
}

package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;

/**
 * /observe/health/ready names each dependency (inbox, work-directory, lookup, mail-server) and goes DOWN, naming the
 * one at fault, when the lookup server stops answering; liveness stays UP. Back UP when the lookup is back.
 */
class ReadinessReportsEachDependencyTest extends GatewayTestSupport {

    @Test
    void eachDependencyIsReportedByNameAndALookupOutageMakesTheGatewayNotReady() throws Exception {
        // ready once the inbox has been polled for the first time
        Await.until("ready", Duration.ofSeconds(10), () -> Http.get(observeUrl() + "/health/ready").status() == 200);
        Http.Response ready = Http.get(observeUrl() + "/health/ready");
        assertTrue(ready.contentType().startsWith("application/json"), ready.contentType());
        for (String check : new String[] {"inbox", "work-directory", "lookup", "mail-server"}) {
            assertTrue(ready.body().matches("(?s).*\"name\":\\s*\"" + check + "\",\\s*\"status\":\\s*\"UP\".*"),
                    check + " UP in " + ready.body());
        }

        lookup.stop();
        try {
            Http.Response down = Http.get(observeUrl() + "/health/ready");
            assertEquals(503, down.status(), down.body());
            assertTrue(down.body().matches("(?s).*\"name\":\\s*\"lookup\",\\s*\"status\":\\s*\"DOWN\".*"), down.body());
            assertTrue(down.body().contains("not reachable"), down.body());
            assertTrue(down.body().matches("(?s).*\"name\":\\s*\"mail-server\",\\s*\"status\":\\s*\"UP\".*"), down.body());
            assertEquals(200, Http.get(observeUrl() + "/health/live").status(), "alive while the lookup is down");
        } finally {
            lookup.restart();
        }
        Await.until("ready again", Duration.ofSeconds(10),
                () -> Http.get(observeUrl() + "/health/ready").status() == 200);
    }
}

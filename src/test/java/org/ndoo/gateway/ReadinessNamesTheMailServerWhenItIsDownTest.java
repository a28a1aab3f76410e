package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;

/** With nothing listening at the SMTP address, readiness is DOWN and names mail-server; liveness stays UP. */
class ReadinessNamesTheMailServerWhenItIsDownTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        try (ServerSocket socket = new ServerSocket(0)) {
            properties.setProperty("gateway.mail.smtp.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theMailServerIsNamedDown() {
        Http.Response ready = Http.get(observeUrl() + "/health/ready");

        assertEquals(503, ready.status());
        assertTrue(ready.body().matches("(?s).*\"name\":\\s*\"mail-server\",\\s*\"status\":\\s*\"DOWN\".*"), ready.body());
        assertTrue(ready.body().contains("not reachable"), ready.body());
        assertTrue(ready.body().matches("(?s).*\"name\":\\s*\"lookup\",\\s*\"status\":\\s*\"UP\".*"), ready.body());
        assertEquals(200, Http.get(observeUrl() + "/health/live").status());
    }
}

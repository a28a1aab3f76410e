package org.ndoo.gateway.meshlookup;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.MeshGatewayTestSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With gateway.lookup.type=mesh every MESH setting is checked at start-up: a gateway that could only fail at its first
 * submission (no mailbox, an unreadable secret file, plain http to another host, a missing key store, no recipient, a
 * duration that does not parse, a switch that is neither true nor false) refuses to start, and the reason names the
 * key to fix.
 */
class MisconfiguredMeshGatewayRefusesToStartTest extends MeshGatewayTestSupport {

    @Test
    void eachMisconfigurationIsRefusedNamingItsKey() {
        context.stop();
        Map<String, String[]> cases = Map.of(
                "gateway.lookup.mesh.mailbox", new String[] { "gateway.lookup.mesh.mailbox", "" },
                "gateway.lookup.mesh.password-file", new String[] { "gateway.lookup.mesh.password-file",
                        root.resolve("no-such-secret").toString() },
                "gateway.lookup.mesh.shared-secret", new String[] { "gateway.lookup.mesh.shared-secret", "" },
                "gateway.lookup.mesh.url", new String[] { "gateway.lookup.mesh.url", "http://mesh.example.org" },
                "gateway.lookup.mesh.key-store", new String[] { "gateway.lookup.mesh.url", "https://mesh.example.org" },
                "gateway.lookup.mesh.recipient", new String[] { "gateway.lookup.mesh.recipient", " " },
                "gateway.lookup.mesh.max-wait", new String[] { "gateway.lookup.mesh.max-wait", "two days" },
                "gateway.lookup.mesh.compress", new String[] { "gateway.lookup.mesh.compress", "yes" },
                "gateway.lookup.mesh.poll-interval", new String[] { "gateway.lookup.mesh.poll-interval", "often" });
        cases.forEach((key, setting) -> {
            Properties settings = useOverridePropertiesWithPropertiesComponent();
            settings.setProperty(setting[0], setting[1]);
            Main gateway = gatewayOn(settings);
            Exception refused = assertThrows(Exception.class, gateway::start, key + " is refused at start-up");
            gateway.stop();
            assertTrue(causes(refused).contains(key), key + " is named: " + causes(refused));
            assertFalse(causes(refused).contains("mailbox-password"), "no secret in the reason");
        });
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" <- ");
        }
        return text.toString();
    }
}

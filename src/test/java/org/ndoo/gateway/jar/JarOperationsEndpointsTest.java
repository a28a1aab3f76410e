package org.ndoo.gateway.jar;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's operations endpoints say what they claim, at the addresses its ready line gives (ports 0: really bound):
 * /observe/metrics has the JVM's and the process's metrics besides the gateway's; /observe/health gives each folder's
 * path exactly to a JSON client (Camel escapes messages twice: the path is data); and with lookup sandbox and mail
 * pickup, health lists no route of another lookup or mail transport.
 */
class JarOperationsEndpointsTest extends JarTestSupport {

    @Test
    void metricsHealthAndReadinessOfTheJar() throws Exception {
        Path dir = newDir();
        Map<String, String> settings = settings(dir);
        GatewayProcess gateway = startJar(settings, dir);
        awaitReadiness(gateway);
        String health = healthUrl(gateway);
        assertEquals(200, Http.get(statusUrl(gateway)).status(), "the status page at the ready line's address");

        String metrics = Http.get(health.replace("/health", "/metrics")).body();
        for (String metric : new String[] {"jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds", "process_start_time_seconds",
                "ndoo_submissions_total"}) {
            assertTrue(metrics.contains("\n" + metric), metric + " in /observe/metrics");
        }

        Http.Response ready = Http.get(health + "/ready?data=true");
        assertEquals(200, ready.status(), ready.body());
        JsonArray checks = (JsonArray) ((JsonObject) Jsoner.deserialize(ready.body())).get("checks");
        JsonObject inbox = check(checks, "inbox");
        assertEquals(settings.get("gateway.inbox.dir"), ((JsonObject) inbox.get("data")).get("path"));
        assertEquals(settings.get("gateway.work.dir"), ((JsonObject) check(checks, "work-directory").get("data")).get("path"));
        for (Object check : checks) {
            String message = String.valueOf(((JsonObject) check).get("message"));
            assertFalse(message.contains("\\"), "a message as a JSON client reads it: " + message);
        }

        for (String unused : new String[] {"http-opt-out-lookup", "mesh-opt-out-lookup", "mesh-replies", "smtp-mail"}) {
            assertFalse(ready.body().contains(unused), unused + " is not in use: " + ready.body());
        }
        for (String used : new String[] {"route:sandbox-opt-out-lookup", "route:pickup-mail", "route:shared-folder-intake"}) {
            assertTrue(ready.body().contains(used), used + " in use: " + ready.body());
        }
    }

    private static JsonObject check(JsonArray checks, String name) {
        JsonObject found = checks.stream().map(JsonObject.class::cast).filter(c -> name.equals(c.get("name")))
                .findFirst().orElse(null);
        assertNotNull(found, name + " in " + checks);
        return found;
    }
}

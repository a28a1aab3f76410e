package org.ndoo.gateway.support;

import java.io.IOException;
import java.util.Properties;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.ndoo.gateway.GatewayMain;

/**
 * The gateway with {@code gateway.lookup.type=mesh}, talking to an in-repo MESH server that checks every token and
 * plays the national opt-out service (mailbox X26HC065) with the test register. By default the service's results
 * are held until a test releases them.
 */
public abstract class MeshGatewayTestSupport extends GatewayTestSupport {

    public static final String MAILBOX = MeshTestMailbox.ID;

    protected static MeshTestServer mesh;

    @BeforeAll
    static void startMesh() throws IOException {
        mesh = MeshTestMailbox.start(SyntheticNhsNumbers.REGISTER_SIZE);
    }

    @AfterAll
    static void stopMesh() {
        mesh.close();
    }

    @Override
    protected final void override(Properties p) {
        MeshTestMailbox.settings(mesh).forEach(p::setProperty);
        p.setProperty("gateway.lookup.mesh.sequence-file", root.resolve("state/mesh-sequence.properties").toString());
        overrideMesh(p);
    }

    /** Changes to the MESH test settings for one test class. */
    protected void overrideMesh(Properties properties) {
    }

    /** Drops {@code numbers} as a file and waits until its one request has gone and the input is deleted. */
    protected static void dropAndAwaitRequest(String fileName, java.util.List<String> numbers) {
        java.nio.file.Path input = drop(fileName, lines(numbers));
        Await.until("the request sent and the input deleted", java.time.Duration.ofSeconds(20),
                () -> requestsToTheService() == 1 && !java.nio.file.Files.exists(input));
    }

    /** Starts a second gateway on the same settings and work directory (after this one stopped); the caller stops it. */
    protected Main restart() throws Exception {
        Main restarted = gatewayOn(useOverridePropertiesWithPropertiesComponent());
        restarted.start();
        return restarted;
    }

    /** Another gateway, the real routes and settings file with {@code settings} over them; not started. */
    protected static Main gatewayOn(Properties settings) {
        Main gateway = new Main();
        gateway.setPropertyPlaceholderLocations(GatewayMain.PROPERTIES);
        gateway.configure().withRoutesIncludePattern(GatewayMain.ROUTES);
        gateway.setOverrideProperties(settings);
        return gateway;
    }

    /** The requests the service has received so far. */
    protected static long requestsToTheService() {
        return mesh.deliveredTo(NationalOptOutService.MAILBOX).size();
    }
}

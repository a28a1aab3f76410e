package org.ndoo.gateway.support;

import java.io.IOException;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The gateway with {@code gateway.lookup.type=mesh}, talking to an in-repo MESH server that checks every token and
 * plays the national opt-out service (mailbox X26HC065) with the test register. By default the service's results
 * are held until a test releases them.
 */
public abstract class MeshGatewayTestSupport extends GatewayTestSupport {

    public static final String MAILBOX = "X26ABC1";
    private static final String PASSWORD = "mailbox-password";
    private static final String SHARED_SECRET = "TestKey";

    protected static MeshTestServer mesh;

    @BeforeAll
    static void startMesh() throws IOException {
        Set<String> optedOut = SyntheticNhsNumbers.valid(0, SyntheticNhsNumbers.REGISTER_SIZE).stream()
                .filter(SyntheticNhsNumbers::isOptedOut).collect(Collectors.toSet());
        mesh = MeshTestServer.start(SHARED_SECRET).mailbox(MAILBOX, PASSWORD);
        mesh.optOutService().optedOut(optedOut);
    }

    @AfterAll
    static void stopMesh() {
        mesh.close();
    }

    @Override
    protected final void override(Properties p) {
        p.setProperty("gateway.lookup.type", "mesh");
        p.setProperty("gateway.lookup.mesh.url", mesh.baseUrl().toString());
        p.setProperty("gateway.lookup.mesh.mailbox", MAILBOX);
        p.setProperty("gateway.lookup.mesh.password", PASSWORD);
        p.setProperty("gateway.lookup.mesh.shared-secret", SHARED_SECRET);
        p.setProperty("gateway.lookup.mesh.poll-interval", "200");
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

    /** The requests the service has received so far. */
    protected static long requestsToTheService() {
        return mesh.deliveredTo(NationalOptOutService.MAILBOX).size();
    }
}

package org.ndoo.gateway.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gateway's own mailbox on a {@link MeshTestServer}, for tests that run a gateway with
 * {@code gateway.lookup.type=mesh}: the server started with that mailbox and its opt-out service, and the settings
 * that point a gateway at it.
 */
public final class MeshTestMailbox {

    /** The gateway's mailbox id, its password and the MESH environment's shared secret. */
    public static final String ID = "X26ABC1";
    public static final String PASSWORD = "mailbox-password";
    public static final String SHARED_SECRET = "TestKey";

    private MeshTestMailbox() {
    }

    /**
     * A MESH server with the gateway's mailbox, whose opt-out service knows who opted out among the first
     * {@code registerSize} synthetic numbers and holds its results until a test releases them.
     */
    public static MeshTestServer start(int registerSize) throws IOException {
        Set<String> optedOut = SyntheticNhsNumbers.valid(0, registerSize).stream()
                .filter(SyntheticNhsNumbers::isOptedOut).collect(Collectors.toSet());
        MeshTestServer mesh = MeshTestServer.start(SHARED_SECRET).mailbox(ID, PASSWORD);
        mesh.optOutService().optedOut(optedOut);
        return mesh;
    }

    /** The MESH lookup on {@code mesh}'s gateway mailbox, its inbox checked every 200 ms. */
    public static Map<String, String> settings(MeshTestServer mesh) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("gateway.lookup.type", "mesh");
        s.put("gateway.lookup.mesh.url", mesh.baseUrl().toString());
        s.put("gateway.lookup.mesh.mailbox", ID);
        s.put("gateway.lookup.mesh.password", PASSWORD);
        s.put("gateway.lookup.mesh.shared-secret", SHARED_SECRET);
        s.put("gateway.lookup.mesh.poll-interval", "200");
        return s;
    }
}

package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.MeshTestServer.Endpoint;

/** Mutual TLS: the client presents the mailbox certificate from a PKCS12 store and trusts only the given server. */
class MeshTlsTest {

    private static final String STORE_PASSWORD = "store-pass-1";

    @TempDir
    static Path dir;

    private static MeshTestServer server;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", file("server.p12"),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=server001.X26.api.mesh-client.nhs.uk", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file("client.p12"), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", file("server.p12"), "-storepass", STORE_PASSWORD,
                "-file", file("server.cer"));
        keytool("-exportcert", "-alias", "client", "-keystore", file("client.p12"), "-storepass", STORE_PASSWORD,
                "-file", file("client.cer"));
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", file("server.cer"), "-storetype", "PKCS12",
                "-keystore", file("client-trust.p12"), "-storepass", STORE_PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", file("client.cer"), "-storetype", "PKCS12",
                "-keystore", file("server-trust.p12"), "-storepass", STORE_PASSWORD);
        SSLContext serverTls = MeshTls.fromPkcs12(dir.resolve("server.p12"), STORE_PASSWORD.toCharArray(),
                dir.resolve("server-trust.p12"), STORE_PASSWORD.toCharArray());
        server = MeshTestServer.startMutualTls(MeshClientTest.SECRET, serverTls)
                .mailbox(MeshClientTest.ALICE, MeshClientTest.ALICE_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static MeshClient client(SSLContext tls) {
        MeshClientOptions options = MeshClientOptions.defaults(server.baseUrl())
                .withRetry(new MeshRetryPolicy(1, Duration.ZERO, Duration.ZERO));
        return new MeshClient(new MeshAuthorization(MeshClientTest.ALICE, MeshClientTest.ALICE_PASSWORD,
                MeshClientTest.SECRET, Clock.systemUTC()), options, tls);
    }

    @Test
    void handshakeOverMutualTls() {
        int before = server.requests(Endpoint.HANDSHAKE);

        client(MeshTls.fromPkcs12(dir.resolve("client.p12"), STORE_PASSWORD.toCharArray(),
                dir.resolve("client-trust.p12"), STORE_PASSWORD.toCharArray())).handshake();

        assertEquals(before + 1, server.requests(Endpoint.HANDSHAKE));
    }

    @Test
    void withoutAClientCertificateThereIsNoConnection() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(dir.resolve("client-trust.p12"))) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        trust.init(store);
        SSLContext trustOnly = SSLContext.getInstance("TLS");
        trustOnly.init(null, trust.getTrustManagers(), null);

        assertEquals(0, assertThrows(MeshException.class, () -> client(trustOnly).handshake()).status());
    }

    @Test
    void aWrongStorePasswordIsReportedWithoutIt() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> MeshTls.fromPkcs12(dir.resolve("client.p12"), "wrong-pass-9".toCharArray(),
                        dir.resolve("client-trust.p12"), STORE_PASSWORD.toCharArray()));

        assertFalse(failure.getMessage().contains("wrong-pass-9"));
        assertFalse(failure.getMessage().contains(STORE_PASSWORD));
    }
}

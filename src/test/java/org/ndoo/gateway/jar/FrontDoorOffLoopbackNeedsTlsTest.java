package org.ndoo.gateway.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web front door bound to an address that is not loopback (0.0.0.0) needs TLS: without a key store the jar
 * stops at start-up in one line naming gateway.web.host and the key store setting; with a PKCS12 key store (made
 * here with keytool, self-signed for 127.0.0.1) and its password in a file, the front door answers over HTTPS with
 * that certificate, and not in plain text, while the status page stays plain http on the loopback management server.
 */
class FrontDoorOffLoopbackNeedsTlsTest extends JarTestSupport {

    private static final String PASSWORD = "test-keystore-password";

    @Test
    void withoutAKeyStoreItDoesNotStart() throws Exception {
        Path dir = newDir();
        Map<String, String> settings = settings(dir);
        settings.put("gateway.web.host", "0.0.0.0");

        GatewayProcess gateway = launchJar(settings, List.of(), dir.resolve("gateway.log"));

        assertEquals(1, gateway.awaitExit(Duration.ofSeconds(60)), "exit status; log: " + gateway.log());
        List<String> refusal = gateway.logLines("Not started: ");
        assertEquals(1, refusal.size(), gateway.log());
        assertTrue(refusal.get(0).contains("Not started: gateway.web.host 0.0.0.0 is not a loopback address"),
                refusal.get(0));
        assertTrue(refusal.get(0).contains("gateway.web.tls.keystore-file"), refusal.get(0));
        assertFalse(gateway.logContains("Exception"), "no stack trace: " + gateway.log());
        assertFalse(gateway.logContains(GatewayProcess.READY), "never ready");
    }

    @Test
    void withAKeyStoreTheFrontDoorAnswersOverHttpsOnly() throws Exception {
        Path dir = newDir();
        Path keystore = selfSignedKeyStore(dir);
        Path passwordFile = Files.writeString(dir.resolve("keystore-password"), PASSWORD + "\n");
        Map<String, String> settings = settings(dir);
        settings.put("gateway.web.host", "0.0.0.0");
        settings.put("gateway.web.tls.keystore-file", keystore.toString());
        settings.put("gateway.web.tls.keystore-password-file", passwordFile.toString());
        // a port of its own: with both ports 0 Camel serves the management pages on the main server
        settings.put("gateway.observe.port", Integer.toString(freePort()));

        GatewayProcess gateway = startJar(settings, dir);
        String web = webUrl(gateway);
        assertTrue(web.startsWith("https://0.0.0.0:"), "the ready line gives the https address: " + readyLine(gateway));
        assertFalse(gateway.logContains(PASSWORD), "the password is never logged");

        URI front = URI.create("https://127.0.0.1:" + URI.create(web).getPort() + "/");
        HttpResponse<String> answer = trusting(keystore).send(HttpRequest.newBuilder(front).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Certificate served = answer.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals(load(keystore).getCertificate("front-door"), served, "our certificate");
        assertTrue(answer.statusCode() > 0);

        URI plain = URI.create("http://127.0.0.1:" + front.getPort() + "/");
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()),
                "no plain-text answer on the front door");

        assertTrue(statusUrl(gateway).startsWith("http://127.0.0.1:"), statusUrl(gateway));
        assertEquals(200, Http.get(statusUrl(gateway)).status(), "the status page stays on the management server");
    }

    /** A PKCS12 key store with one self-signed key pair for 127.0.0.1 / localhost, made by the JDK's keytool. */
    private static Path selfSignedKeyStore(Path dir) throws Exception {
        Path keystore = dir.resolve("front-door.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "front-door",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "keytool: " + output);
        return keystore;
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** An HTTP client that trusts only the key store's certificate (host name checked against its SAN). */
    private static HttpClient trusting(Path keystore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("front-door", load(keystore).getCertificate("front-door"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

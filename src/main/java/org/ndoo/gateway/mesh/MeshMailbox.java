package org.ndoo.gateway.mesh;

import java.net.URI;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.net.ssl.SSLContext;


/**
 * The organisation's MESH mailbox, from {@code gateway.lookup.mesh.*}: its client is made on first use, so that a
 * gateway not using MESH needs none of these settings. Plain {@code http} is allowed only to a loopback address (a
 * local test server); anything else needs {@code https} with the mailbox's client certificate.
 */
public final class MeshMailbox {

    private static final Duration HANDSHAKE_EVERY = Duration.ofHours(12);

    private final String url;
    private final String mailbox;
    private final String password;
    private final String sharedSecret;
    private final String keyStore;
    private final String keyStorePassword;
    private final String trustStore;
    private final String trustStorePassword;
    private final boolean compress;
    private MeshClient client;
    private Instant lastHandshake;

    public MeshMailbox(String url, String mailbox, MeshCredentials credentials, String keyStore, String trustStore,
            boolean compress) {
        this.url = orEmpty(url);
        this.mailbox = orEmpty(mailbox);
        this.password = credentials.password();
        this.sharedSecret = credentials.sharedSecret();
        this.keyStore = orEmpty(keyStore);
        this.keyStorePassword = credentials.keyStorePassword();
        this.trustStore = orEmpty(trustStore);
        this.trustStorePassword = credentials.trustStorePassword();
        this.compress = compress;
    }

    public String mailbox() {
        return mailbox;
    }

    /** The client, made on first use. */
    public synchronized MeshClient client() {
        if (client == null) {
            require(mailbox, "gateway.lookup.mesh.mailbox");
            require(password, "gateway.lookup.mesh.password");
            require(sharedSecret, "gateway.lookup.mesh.shared-secret");
            URI base = URI.create(url);
            SSLContext tls = null;
            if ("https".equals(base.getScheme())) {
                require(keyStore, "gateway.lookup.mesh.key-store");
                require(trustStore, "gateway.lookup.mesh.trust-store");
                tls = MeshTls.fromPkcs12(Paths.get(keyStore), keyStorePassword.toCharArray(), Paths.get(trustStore),
                        trustStorePassword.toCharArray());
            } else if (!"http".equals(base.getScheme()) || !isLoopback(base.getHost())) {
                throw new IllegalArgumentException("gateway.lookup.mesh.url must be https (plain http only to a"
                        + " loopback test server)");
            }
            MeshAuthorization auth = new MeshAuthorization(mailbox, password, sharedSecret, Clock.systemUTC());
            client = new MeshClient(auth, MeshClientOptions.defaults(base).withCompression(compress), tls);
        }
        return client;
    }

    /** Handshakes when it is the first call or the last handshake is over 12 hours old (MESH wants one a day). */
    public synchronized void handshakeIfDue() {
        if (lastHandshake == null || Instant.now().isAfter(lastHandshake.plus(HANDSHAKE_EVERY))) {
            client().handshake();
            lastHandshake = Instant.now();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required for gateway.lookup.type=mesh");
        }
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || (host != null && (host.startsWith("127.") || host.equals("[::1]")));
    }

    @Override
    public String toString() {
        return "MESH mailbox " + mailbox + " at " + url;
    }
}

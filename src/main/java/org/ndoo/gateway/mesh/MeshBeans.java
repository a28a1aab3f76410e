package org.ndoo.gateway.mesh;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.retry.BackOff;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.ndoo.gateway.settings.LoopbackHost;
import org.ndoo.gateway.settings.Secrets;
import org.ndoo.gateway.submission.WaitingSubmissions;

/**
 * The MESH beans (the national service over MESH, {@code gateway.lookup.mesh.*}), each made once from the settings.
 * With {@code gateway.lookup.type=mesh} every MESH setting is checked here, at start-up: a mis-configured gateway
 * refuses to start with one line naming the key, instead of failing at the first submission.
 */
public final class MeshBeans extends BeanConfiguration {

    private static final String KEY = "gateway.lookup.mesh.";

    @PropertyInject("gateway.lookup.type")
    private String lookupType;
    @PropertyInject("gateway.lookup.chunk-size")
    private int chunkSize;
    @PropertyInject("gateway.work.dir")
    private String workDir;
    @PropertyInject(KEY + "url")
    private String url;
    @PropertyInject(KEY + "mailbox")
    private String mailbox;
    @PropertyInject(KEY + "password")
    private String password;
    @PropertyInject(value = KEY + "password-file", defaultValue = "")
    private String passwordFile;
    @PropertyInject(KEY + "shared-secret")
    private String sharedSecret;
    @PropertyInject(value = KEY + "shared-secret-file", defaultValue = "")
    private String sharedSecretFile;
    @PropertyInject(value = KEY + "key-store", defaultValue = "")
    private String keyStore;
    @PropertyInject(value = KEY + "key-store-password", defaultValue = "")
    private String keyStorePassword;
    @PropertyInject(value = KEY + "key-store-password-file", defaultValue = "")
    private String keyStorePasswordFile;
    @PropertyInject(value = KEY + "trust-store", defaultValue = "")
    private String trustStore;
    @PropertyInject(value = KEY + "trust-store-password", defaultValue = "")
    private String trustStorePassword;
    @PropertyInject(value = KEY + "trust-store-password-file", defaultValue = "")
    private String trustStorePasswordFile;
    @PropertyInject(KEY + "recipient")
    private String recipient;
    @PropertyInject(KEY + "workflow-id")
    private String workflowId;
    @PropertyInject(KEY + "line-ending")
    private String lineEnding;
    @PropertyInject(value = KEY + "compress", defaultValue = "false")
    private boolean compress;
    @PropertyInject(KEY + "poll-interval")
    private String pollInterval;
    @PropertyInject(KEY + "max-wait")
    private String maxWait;
    @PropertyInject(value = KEY + "retry.attempts", defaultValue = "4")
    private String retryAttempts;
    @PropertyInject(value = KEY + "retry.first-delay", defaultValue = "2s")
    private String retryFirstDelay;
    @PropertyInject(value = KEY + "retry.multiplier", defaultValue = "2")
    private String retryMultiplier;
    @PropertyInject(value = KEY + "retry.max-delay", defaultValue = "60s")
    private String retryMaxDelay;
    @PropertyInject(value = "gateway.state.jdbc-url", defaultValue = "")
    private String stateUrl;
    @PropertyInject(value = "gateway.state.username", defaultValue = "")
    private String stateUsername;
    @PropertyInject(value = "gateway.state.password", defaultValue = "")
    private String statePassword;
    @PropertyInject(value = "gateway.state.password-file", defaultValue = "")
    private String statePasswordFile;

    private CamelContext context;

    /** Camel calls this once the beans are bound. */
    @Override
    public void configure(CamelContext camelContext) {
        this.context = camelContext;
    }

    private boolean inUse() {
        return "mesh".equals(lookupType == null ? "" : lookupType.strip());
    }

    /** The mailbox; in use, its client is made now, so that every MESH setting is checked at start-up. */
    @BindToRegistry("meshMailbox")
    public MeshMailbox meshMailbox() {
        return once("meshMailbox", () -> {
            MeshMailbox made = new MeshMailbox(mailbox, this::client);
            if (inUse()) {
                required(recipient, "recipient");
                required(workflowId, "workflow-id");
                if (!lineEnding.strip().matches("(?i)LF|CRLF")) {
                    throw refused("line-ending", "must be LF or CRLF");
                }
                millis(pollInterval, KEY + "poll-interval");
                millis(maxWait, KEY + "max-wait");
                made.client();
            }
            return made;
        });
    }

    @BindToRegistry(value = "meshRequests", beanPostProcess = true)
    public MeshRequests meshRequests() {
        return once("meshRequests", () -> new MeshRequests(meshMailbox()));
    }

    /** The replies from the MESH inbox, and the aggregation strategy of mesh-wait. */
    @BindToRegistry(value = "meshReplies", beanPostProcess = true)
    public MeshReplies meshReplies() {
        return once("meshReplies", () -> new MeshReplies(meshMailbox()));
    }

    @BindToRegistry("meshWaits")
    public MeshWaits meshWaits() {
        return once("meshWaits", () -> new MeshWaits(meshRequests(), chunkSize,
                inUse() ? millis(maxWait, KEY + "max-wait") : 1));
    }

    /**
     * The aggregation repository of mesh-wait. Completed waits whose delivery failed are tried again (recovery) at
     * every poll of the MESH inbox, once the retry schedule says they are due.
     */
    @BindToRegistry("meshWaitRepository")
    public MeshWaitRepository meshWaitRepository() {
        return once("meshWaitRepository", () -> MeshWaitRepository.create(() -> context, stateUrl, stateUsername,
                Secrets.resolve(statePassword, statePasswordFile), workDir,
                inUse() ? millis(pollInterval, KEY + "poll-interval") : 5000));
    }

    /**
     * The submissions waiting for MESH replies, whose work folders the work area keeps at start-up (submission's
     * SubmissionBeans, listed after this class); none when MESH is not the lookup in use.
     */
    @BindToRegistry(value = "waitingSubmissions", beanPostProcess = true)
    public WaitingSubmissions waitingSubmissions() {
        return once("waitingSubmissions", () -> inUse() ? new MeshWaitingFolders() : WaitingSubmissions.NONE);
    }

    private MeshClient client() {
        required(mailbox, "mailbox");
        MeshCredentials credentials = new MeshCredentials(secret(password, passwordFile, "password"),
                secret(sharedSecret, sharedSecretFile, "shared-secret"),
                secret(keyStorePassword, keyStorePasswordFile, "key-store-password"),
                secret(trustStorePassword, trustStorePasswordFile, "trust-store-password"));
        required(credentials.password(), "password");
        required(credentials.sharedSecret(), "shared-secret");
        URI base;
        try {
            base = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw refused("url", "is not a URL");
        }
        SSLContext tls = null;
        if ("https".equals(base.getScheme())) {
            tls = MeshTls.fromPkcs12(store(keyStore, "key-store"), credentials.keyStorePassword().toCharArray(),
                    store(trustStore, "trust-store"), credentials.trustStorePassword().toCharArray());
        } else if (!"http".equals(base.getScheme()) || !LoopbackHost.is(base.getHost())) {
            throw refused("url", "must be https (plain http only to a loopback test server)");
        }
        MeshAuthorization auth = new MeshAuthorization(mailbox.strip(), credentials.password(),
                credentials.sharedSecret(), Clock.systemUTC());
        return new MeshClient(auth, MeshClientOptions.defaults(base).withCompression(compress).withRetry(retry()), tls);
    }

    /** The client's retries of calls that are safe to repeat, from gateway.lookup.mesh.retry.*. */
    private MeshRetryPolicy retry() {
        try {
            return new MeshRetryPolicy(Integer.parseInt(retryAttempts.strip()), new BackOff(
                    Duration.ofMillis(millis(retryFirstDelay, KEY + "retry.first-delay")),
                    Double.parseDouble(retryMultiplier.strip()),
                    Duration.ofMillis(millis(retryMaxDelay, KEY + "retry.max-delay"))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + "retry.* is not usable: " + e.getMessage());
        }
    }

    private static Path store(String file, String key) {
        required(file, key);
        Path path = Path.of(file.strip());
        if (!Files.isReadable(path)) {
            throw refused(key, "names no readable file: " + path);
        }
        return path;
    }

    private static String secret(String value, String file, String key) {
        try {
            return Secrets.resolve(value, file);
        } catch (RuntimeException e) {
            throw refused(key + "-file", "cannot be read");
        }
    }

    private static long millis(String value, String key) {
        try {
            long millis = TimeUtils.toMilliSeconds(value.strip());
            if (millis > 0) {
                return millis;
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw new IllegalArgumentException(key + " must be a duration such as 500ms, 30s, 5m or 48h, not '" + value + "'");
    }

    private static void required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw refused(key, "is required");
        }
    }

    private static IllegalArgumentException refused(String key, String why) {
        return new IllegalArgumentException(KEY + key + " " + why + " for gateway.lookup.type=mesh");
    }
}

package org.ndoo.gateway.mesh;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.retry.BackOff;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.ndoo.gateway.settings.LoopbackHost;
import org.ndoo.gateway.state.PostgresMeshSequence;
import org.ndoo.gateway.state.SharedState;
import org.ndoo.gateway.state.StateBeans;
import org.ndoo.gateway.submission.WaitingSubmissions;

/**
 * The MESH beans (the national service over MESH, {@code gateway.lookup.mesh.*}), each made once from the settings.
 * With {@code gateway.lookup.type=mesh} every MESH setting is checked here, at start-up: a mis-configured gateway
 * refuses to start with one line naming the key, instead of failing at the first submission.
 */
public final class MeshBeans extends BeanConfiguration {

    @PropertyInject("gateway.lookup.chunk-size")
    private int chunkSize;

    /** The MESH settings, read from the context's properties as the beans are made. */
    private MeshSettings settings(CamelContext context) {
        return once("meshSettings", () -> new MeshSettings(context));
    }

    /** The mailbox; in use, its client is made now, so that every MESH setting is checked at start-up. */
    @BindToRegistry("meshMailbox")
    public MeshMailbox meshMailbox(CamelContext context) {
        MeshSettings mesh = settings(context);
        return once("meshMailbox", () -> {
            MeshMailbox made = new MeshMailbox(mesh.text("mailbox", ""), () -> client(mesh));
            if (mesh.inUse()) {
                mesh.required("recipient");
                mesh.required("workflow-id");
                if (!mesh.text("line-ending", "").matches("(?i)LF|CRLF")) {
                    throw MeshSettings.refused("line-ending", "must be LF or CRLF");
                }
                mesh.millis("poll-interval", "");
                mesh.millis("max-wait", "");
                made.client();
            }
            return made;
        });
    }

    @BindToRegistry(value = "meshRequests", beanPostProcess = true)
    public MeshRequests meshRequests(CamelContext context) {
        SharedState shared = StateBeans.of(context);
        // clustered, two nodes could each number MESH files: the sequence is the shared database's
        return once("meshRequests", () -> new MeshRequests(meshMailbox(context),
                shared.clustered() ? new PostgresMeshSequence(shared.dataSource()) : null));
    }

    /** The replies from the MESH inbox, and the aggregation strategy of mesh-wait. */
    @BindToRegistry(value = "meshReplies", beanPostProcess = true)
    public MeshReplies meshReplies(CamelContext context) {
        return once("meshReplies", () -> new MeshReplies(meshMailbox(context)));
    }

    @BindToRegistry("meshWaits")
    public MeshWaits meshWaits(CamelContext context) {
        MeshSettings mesh = settings(context);
        return once("meshWaits", () -> new MeshWaits(meshRequests(context), chunkSize,
                mesh.inUse() ? mesh.millis("max-wait", "") : 1));
    }

    /**
     * The aggregation repository of mesh-wait. Completed waits whose delivery failed are tried again (recovery) at
     * every poll of the MESH inbox, once the retry schedule says they are due.
     */
    @BindToRegistry("meshWaitRepository")
    public MeshWaitRepository meshWaitRepository(CamelContext context) {
        MeshSettings mesh = settings(context);
        return once("meshWaitRepository", () -> mesh.waitRepository(
                mesh.inUse() ? mesh.millis("poll-interval", "") : 5000));
    }

    /**
     * The submissions waiting for MESH replies, whose work folders the work area keeps at start-up (submission's
     * SubmissionBeans, listed after this class); none when MESH is not the lookup in use.
     */
    @BindToRegistry("waitingSubmissions")
    public WaitingSubmissions waitingSubmissions(CamelContext context) {
        MeshSettings mesh = settings(context);
        return once("waitingSubmissions", () -> mesh.inUse() ? new MeshWaitingFolders(mesh) : WaitingSubmissions.NONE);
    }

    private static MeshClient client(MeshSettings mesh) {
        String mailbox = mesh.required("mailbox");
        MeshCredentials credentials = new MeshCredentials(mesh.secret("password"), mesh.secret("shared-secret"),
                mesh.secret("key-store-password"), mesh.secret("trust-store-password"));
        if (credentials.password().isEmpty()) {
            throw MeshSettings.refused("password", "is required");
        }
        if (credentials.sharedSecret().isEmpty()) {
            throw MeshSettings.refused("shared-secret", "is required");
        }
        URI base;
        try {
            base = URI.create(mesh.text("url", ""));
        } catch (IllegalArgumentException e) {
            throw MeshSettings.refused("url", "is not a URL");
        }
        SSLContext tls = null;
        if ("https".equals(base.getScheme())) {
            tls = MeshTls.fromPkcs12(mesh.store("key-store"), credentials.keyStorePassword().toCharArray(),
                    mesh.store("trust-store"), credentials.trustStorePassword().toCharArray());
        } else if (!"http".equals(base.getScheme()) || !LoopbackHost.is(base.getHost())) {
            throw MeshSettings.refused("url", "must be https (plain http only to a loopback test server)");
        }
        MeshAuthorization auth = new MeshAuthorization(mailbox, credentials.password(), credentials.sharedSecret(),
                Clock.systemUTC());
        return new MeshClient(auth, MeshClientOptions.defaults(base).withCompression(mesh.flag("compress", "false"))
                .withRetry(retry(mesh)), tls);
    }

    /** The client's retries of calls that are safe to repeat, from gateway.lookup.mesh.retry.*. */
    private static MeshRetryPolicy retry(MeshSettings mesh) {
        try {
            return new MeshRetryPolicy(Integer.parseInt(mesh.text("retry.attempts", "4")), new BackOff(
                    Duration.ofMillis(mesh.millis("retry.first-delay", "2s")),
                    Double.parseDouble(mesh.text("retry.multiplier", "2")),
                    Duration.ofMillis(mesh.millis("retry.max-delay", "60s"))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MeshSettings.KEY + "retry.* is not usable: " + e.getMessage());
        }
    }
}

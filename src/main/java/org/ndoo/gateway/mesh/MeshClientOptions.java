package org.ndoo.gateway.mesh;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where MESH is and how to talk to it: the base URL (for example {@code https://msg.intspineservices.nhs.uk}), the
 * largest chunk of body sent in one request (bigger bodies are sent in chunks), whether each chunk is gzipped, the
 * retry policy for calls that are safe to repeat, the timeout of one request, and the client version reported in
 * the handshake.
 */
public record MeshClientOptions(URI baseUrl, int chunkSize, boolean compress, MeshRetryPolicy retry, Duration requestTimeout,
        String clientVersion) {

    /** 20 MB: the most MESH takes in one request over the internet. */
    public static final int INTERNET_CHUNK_LIMIT = 20 * 1024 * 1024;

    public MeshClientOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("The MESH chunk size must be positive");
        }
        if (clientVersion == null || clientVersion.isBlank()) {
            clientVersion = "ndoo-gateway";
        }
    }

    /** Defaults for {@code baseUrl}: 19 MB chunks, no compression, standard retries, 2-minute requests. */
    public static MeshClientOptions defaults(URI baseUrl) {
        return new MeshClientOptions(baseUrl, 19 * 1024 * 1024, false, MeshRetryPolicy.standard(), Duration.ofMinutes(2),
                "ndoo-gateway");
    }

    public MeshClientOptions withChunkSize(int size) {
        return new MeshClientOptions(baseUrl, size, compress, retry, requestTimeout, clientVersion);
    }

    public MeshClientOptions withCompression(boolean on) {
        return new MeshClientOptions(baseUrl, chunkSize, on, retry, requestTimeout, clientVersion);
    }

    public MeshClientOptions withRetry(MeshRetryPolicy policy) {
        return new MeshClientOptions(baseUrl, chunkSize, compress, policy, requestTimeout, clientVersion);
    }
}

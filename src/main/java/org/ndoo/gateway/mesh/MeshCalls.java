package org.ndoo.gateway.mesh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;

/**
 * One MESH mailbox's HTTP exchanges: each request built afresh with a new {@link MeshAuthorization} token, sent over
 * {@link HttpClient}, and repeated as {@link MeshRetryPolicy} says when it is safe to repeat and got no answer, a
 * timeout, a 5xx or a 429. Errors name the call and the status, never a body or a credential.
 */
final class MeshCalls {

    private final MeshAuthorization authorization;
    private final MeshClientOptions options;
    private final HttpClient http;

    MeshCalls(MeshAuthorization authorization, MeshClientOptions options, SSLContext sslContext) {
        this.authorization = authorization;
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
    }

    HttpRequest.Builder request(String path) {
        return request(options.baseUrl().resolve(path));
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Accept", MeshClient.ACCEPT_V2)
                .header("Authorization", authorization.nextToken());
    }

    /** Sends a request built afresh for each attempt (a token is good once); repeats only when {@code repeatable}. */
    HttpResponse<byte[]> call(String what, Supplier<HttpRequest> request, boolean repeatable) {
        int attempts = repeatable ? options.retry().attempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
                if (!isTransient(response.statusCode()) || attempt >= attempts) {
                    return response;
                }
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new MeshException(what + " got no answer after " + attempt + " attempt(s) (" + describe(e) + ")", 0, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MeshException(what + " was interrupted", 0, e);
            }
            pause(what, attempt);
        }
    }

    private void pause(String what, int failed) {
        try {
            Thread.sleep(options.retry().delayAfter(failed).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeshException(what + " was interrupted while waiting to retry", 0, e);
        }
    }

    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    static void expect(String what, HttpResponse<byte[]> response, int... expected) {
        int status = response.statusCode();
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            throw new MeshException(what + " failed: HTTP " + status + explain(status), status);
        }
    }

    private static String explain(int status) {
        return switch (status) {
            case 403 -> " (authentication refused: mailbox, password, shared secret, clock or a reused token)";
            case 404 -> " (no such message)";
            case 410 -> " (gone: already acknowledged or expired)";
            case 417 -> " (invalid recipient or restricted workflow)";
            case 429 -> " (too many requests)";
            default -> status >= 500 ? " (MESH unavailable)" : "";
        };
    }

    static String describe(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }

    static byte[] decoded(HttpResponse<byte[]> response, String what) {
        String encoding = header(response, "Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return response.body();
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new MeshException(what + ": unsupported Content-Encoding " + encoding, response.statusCode());
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MeshException(what + ": the gzip body could not be decompressed", response.statusCode());
        }
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}

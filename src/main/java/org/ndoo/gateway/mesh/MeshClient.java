package org.ndoo.gateway.mesh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.SSLContext;

/**
 * A client of the MESH API (v2) for one mailbox, over {@link HttpClient}: handshake, send (chunked when the body is
 * bigger than the chunk size, optionally gzipped chunk by chunk), list the inbox (following {@code links.next}),
 * download (fetching every chunk), acknowledge. Every request carries a fresh {@link MeshAuthorization} token and
 * {@code Accept: application/vnd.mesh.v2+json}.
 * <p>
 * Retries know what is safe to repeat: handshake, list, download, acknowledge and the chunks after the first are
 * retried with exponential back-off on no answer, a timeout, a 5xx or a 429. The first POST of a send is never
 * repeated (a repeat can deliver the message twice): without a clear answer it fails with
 * {@link MeshSendUncertain}. Errors name the call and the status, never a body or a credential.
 */
public final class MeshClient {

    /** Selects version 2 of MESH's answers. */
    public static final String ACCEPT_V2 = "application/vnd.mesh.v2+json";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern CHUNK_RANGE = Pattern.compile("(\\d{1,6}):(\\d{1,6})");

    private final MeshAuthorization authorization;
    private final MeshClientOptions options;
    private final HttpClient http;
    private final String mailboxPath;

    /** A client; {@code sslContext} carries the mailbox's client certificate for mutual TLS (null: JVM default). */
    public MeshClient(MeshAuthorization authorization, MeshClientOptions options, SSLContext sslContext) {
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.options = Objects.requireNonNull(options, "options");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
        this.mailboxPath = "/messageexchange/" + encode(authorization.mailbox());
    }

    /** Validates the mailbox and the credentials (MESH asks for this at least once a day). */
    public void handshake() {
        String what = "MESH handshake of " + authorization.mailbox();
        HttpResponse<byte[]> response = call(what, () -> request(mailboxPath)
                .header("mex-clientversion", options.clientVersion())
                .header("mex-osname", System.getProperty("os.name", "unknown"))
                .header("mex-osversion", System.getProperty("os.version", "unknown"))
                .header("mex-osarchitecture", System.getProperty("os.arch", "unknown"))
                .header("mex-javaversion", System.getProperty("java.version", "unknown"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), true);
        expect(what, response, 200);
    }

    /**
     * Sends {@code message} and returns the message id MESH gave it. A body larger than the chunk size goes as
     * chunks {@code 1:n} then {@code 2:n}..{@code n:n}.
     *
     * @throws MeshSendUncertain if the first POST got no clear answer: MESH may have the message
     * @throws MeshException if MESH refused the message, or a later chunk failed after its retries
     */
    public String send(OutgoingMessage message) {
        List<byte[]> chunks = split(message.body(), options.chunkSize());
        int total = chunks.size();
        String what = "MESH send of " + message.localId() + " to " + message.to();
        HttpResponse<byte[]> first;
        try {
            first = call(what, () -> firstPost(message, chunks.get(0), total), false);
        } catch (MeshException e) {
            throw new MeshSendUncertain(what + " got no answer (" + describe(e.getCause())
                    + "); MESH may or may not have the message, so it was not sent again", 0, e.getCause());
        }
        if (isTransient(first.statusCode())) {
            throw new MeshSendUncertain(what + " got HTTP " + first.statusCode()
                    + "; MESH may or may not have the message, so it was not sent again", first.statusCode(), null);
        }
        expect(what, first, 202);
        String messageId = MeshJson.parse(first.body(), what).string("message_id", "messageID");
        if (messageId == null || !SAFE_ID.matcher(messageId).matches()) {
            throw new MeshSendUncertain(what + " was accepted but the answer held no usable message id", first.statusCode(), null);
        }
        for (int n = 2; n <= total; n++) {
            int number = n;
            String chunkWhat = "MESH send of chunk " + n + " of " + total + " of message " + messageId;
            HttpResponse<byte[]> response = call(chunkWhat, () -> chunkPost(messageId, chunks.get(number - 1), number, total), true);
            expect(chunkWhat, response, 202);
        }
        return messageId;
    }

    /** The ids of the messages waiting in the inbox, every page; only those of {@code workflowFilter} unless null. */
    public List<String> listInbox(String workflowFilter) {
        String what = "MESH inbox list of " + authorization.mailbox();
        String path = mailboxPath + "/inbox"
                + (workflowFilter == null || workflowFilter.isBlank() ? "" : "?workflow_filter=" + encode(workflowFilter));
        URI next = options.baseUrl().resolve(path);
        Set<String> visited = new HashSet<>();
        List<String> ids = new ArrayList<>();
        while (next != null) {
            if (!visited.add(next.toString())) {
                throw new MeshException(what + ": links.next leads back to a page already read", 0);
            }
            URI page = next;
            HttpResponse<byte[]> response = call(what, () -> request(page).GET().build(), true);
            expect(what, response, 200);
            MeshJson json = MeshJson.parse(response.body(), what);
            ids.addAll(json.strings("messages", what));
            String link = json.nested("links", "next");
            next = link == null || link.isBlank() ? null : sameServer(options.baseUrl().resolve(link), what);
        }
        return ids;
    }

    /** The message {@code messageId} with its whole body (every chunk) and headers. It stays in the inbox until acknowledged. */
    public IncomingMessage download(String messageId) {
        String id = safeId(messageId);
        String what = "MESH download of message " + id;
        HttpResponse<byte[]> first = call(what, () -> request(mailboxPath + "/inbox/" + id).GET().build(), true);
        expect(what, first, 200, 206);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, decoded(first, what));
        if (first.statusCode() == 206) {
            int total = chunkTotal(first, what);
            for (int n = 2; n <= total; n++) {
                String chunkWhat = "MESH download of chunk " + n + " of " + total + " of message " + id;
                String chunkPath = mailboxPath + "/inbox/" + id + "/" + n;
                HttpResponse<byte[]> chunk = call(chunkWhat, () -> request(chunkPath).GET().build(), true);
                expect(chunkWhat, chunk, 200, 206);
                write(body, decoded(chunk, chunkWhat));
            }
        }
        return new IncomingMessage(id, header(first, "mex-messagetype"), header(first, "mex-localid"),
                header(first, "mex-subject"), header(first, "mex-workflowid"), header(first, "mex-from"),
                header(first, "mex-statuscode"), header(first, "mex-linkedmsgid"), header(first, "mex-filename"),
                body.toByteArray());
    }

    /** Tells MESH the message was downloaded; it leaves the inbox. */
    public void acknowledge(String messageId) {
        String id = safeId(messageId);
        String what = "MESH acknowledge of message " + id;
        HttpResponse<byte[]> response = call(what, () -> request(mailboxPath + "/inbox/" + id + "/status/acknowledged")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), true);
        expect(what, response, 200);
    }

    private HttpRequest firstPost(OutgoingMessage message, byte[] chunk, int total) {
        HttpRequest.Builder builder = request(mailboxPath + "/outbox")
                .header("Content-Type", "application/octet-stream")
                .header("mex-from", authorization.mailbox())
                .header("mex-to", message.to())
                .header("mex-workflowid", message.workflowId())
                .header("mex-filename", message.fileName());
        if (message.localId() != null && !message.localId().isBlank()) {
            builder.header("mex-localid", message.localId());
        }
        if (message.subject() != null && !message.subject().isBlank()) {
            builder.header("mex-subject", message.subject());
        }
        if (total > 1) {
            builder.header("mex-chunk-range", "1:" + total);
        }
        return withBody(builder, chunk).build();
    }

    private HttpRequest chunkPost(String messageId, byte[] chunk, int number, int total) {
        HttpRequest.Builder builder = request(mailboxPath + "/outbox/" + messageId + "/" + number)
                .header("Content-Type", "application/octet-stream")
                .header("mex-chunk-range", number + ":" + total);
        return withBody(builder, chunk).build();
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder builder, byte[] chunk) {
        if (options.compress()) {
            builder.header("Content-Encoding", "gzip").header("mex-content-compressed", "Y");
            return builder.POST(HttpRequest.BodyPublishers.ofByteArray(gzip(chunk)));
        }
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(chunk));
    }

    private HttpRequest.Builder request(String path) {
        return request(options.baseUrl().resolve(path));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Accept", ACCEPT_V2)
                .header("Authorization", authorization.nextToken());
    }

    /** Sends a request built afresh for each attempt (a token is good once); repeats only when {@code repeatable}. */
    private HttpResponse<byte[]> call(String what, Supplier<HttpRequest> request, boolean repeatable) {
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

    private static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    private static void expect(String what, HttpResponse<byte[]> response, int... expected) {
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

    private static String describe(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }

    private URI sameServer(URI link, String what) {
        URI base = options.baseUrl();
        if (!Objects.equals(link.getScheme(), base.getScheme()) || !Objects.equals(link.getHost(), base.getHost())
                || link.getPort() != base.getPort()) {
            throw new MeshException(what + ": links.next points to another server", 0);
        }
        return link;
    }

    private static int chunkTotal(HttpResponse<byte[]> response, String what) {
        String range = header(response, "mex-chunk-range");
        var matcher = range == null ? null : CHUNK_RANGE.matcher(range.strip());
        if (matcher == null || !matcher.matches() || !"1".equals(matcher.group(1)) || Integer.parseInt(matcher.group(2)) < 1) {
            throw new MeshException(what + ": a partial answer without a usable mex-chunk-range 1:n", 206);
        }
        return Integer.parseInt(matcher.group(2));
    }

    private static byte[] decoded(HttpResponse<byte[]> response, String what) {
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

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    static List<byte[]> split(byte[] body, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < body.length; from += size) {
            chunks.add(Arrays.copyOfRange(body, from, Math.min(body.length, from + size)));
        }
        if (chunks.isEmpty()) {
            chunks.add(new byte[0]);
        }
        return chunks;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }

    private static String safeId(String messageId) {
        if (messageId == null || !SAFE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("Not a MESH message id");
        }
        return messageId;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "MeshClient[mailbox=" + authorization.mailbox() + ", baseUrl=" + options.baseUrl() + "]";
    }
}

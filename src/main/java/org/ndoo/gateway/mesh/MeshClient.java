package org.ndoo.gateway.mesh;

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
import java.util.regex.Pattern;
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
    private final MeshCalls calls;
    private final String mailboxPath;

    /** A client; {@code sslContext} carries the mailbox's client certificate for mutual TLS (null: JVM default). */
    public MeshClient(MeshAuthorization authorization, MeshClientOptions options, SSLContext sslContext) {
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.options = Objects.requireNonNull(options, "options");
        this.calls = new MeshCalls(authorization, options, sslContext);
        this.mailboxPath = "/messageexchange/" + encode(authorization.mailbox());
    }

    /** Validates the mailbox and the credentials (MESH asks for this at least once a day). */
    public void handshake() {
        String what = "MESH handshake of " + authorization.mailbox();
        HttpResponse<byte[]> response = calls.call(what, () -> calls.request(mailboxPath)
                .header("mex-clientversion", options.clientVersion())
                .header("mex-osname", System.getProperty("os.name", "unknown"))
                .header("mex-osversion", System.getProperty("os.version", "unknown"))
                .header("mex-osarchitecture", System.getProperty("os.arch", "unknown"))
                .header("mex-javaversion", System.getProperty("java.version", "unknown"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), true);
        MeshCalls.expect(what, response, 200);
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
            first = calls.call(what, () -> firstPost(message, chunks.get(0), total), false);
        } catch (MeshException e) {
            throw new MeshSendUncertain(what + " got no answer (" + MeshCalls.describe(e.getCause())
                    + "); MESH may or may not have the message, so it was not sent again", 0, e.getCause());
        }
        if (MeshCalls.isTransient(first.statusCode())) {
            throw new MeshSendUncertain(what + " got HTTP " + first.statusCode()
                    + "; MESH may or may not have the message, so it was not sent again", first.statusCode(), null);
        }
        MeshCalls.expect(what, first, 202);
        String messageId = MeshJson.parse(first.body(), what).string("message_id", "messageID");
        if (messageId == null || !SAFE_ID.matcher(messageId).matches()) {
            throw new MeshSendUncertain(what + " was accepted but the answer held no usable message id", first.statusCode(), null);
        }
        for (int n = 2; n <= total; n++) {
            int number = n;
            String chunkWhat = "MESH send of chunk " + n + " of " + total + " of message " + messageId;
            HttpResponse<byte[]> response = calls.call(chunkWhat, () -> chunkPost(messageId, chunks.get(number - 1), number, total), true);
            MeshCalls.expect(chunkWhat, response, 202);
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
            HttpResponse<byte[]> response = calls.call(what, () -> calls.request(page).GET().build(), true);
            MeshCalls.expect(what, response, 200);
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
        HttpResponse<byte[]> first = calls.call(what, () -> calls.request(mailboxPath + "/inbox/" + id).GET().build(), true);
        MeshCalls.expect(what, first, 200, 206);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, MeshCalls.decoded(first, what));
        if (first.statusCode() == 206) {
            int total = chunkTotal(first, what);
            for (int n = 2; n <= total; n++) {
                String chunkWhat = "MESH download of chunk " + n + " of " + total + " of message " + id;
                String chunkPath = mailboxPath + "/inbox/" + id + "/" + n;
                HttpResponse<byte[]> chunk = calls.call(chunkWhat, () -> calls.request(chunkPath).GET().build(), true);
                MeshCalls.expect(chunkWhat, chunk, 200, 206);
                write(body, MeshCalls.decoded(chunk, chunkWhat));
            }
        }
        return new IncomingMessage(id, MeshCalls.header(first, "mex-messagetype"), MeshCalls.header(first, "mex-localid"),
                MeshCalls.header(first, "mex-subject"), MeshCalls.header(first, "mex-workflowid"), MeshCalls.header(first, "mex-from"),
                MeshCalls.header(first, "mex-statuscode"), MeshCalls.header(first, "mex-linkedmsgid"), MeshCalls.header(first, "mex-filename"),
                body.toByteArray());
    }

    /** Tells MESH the message was downloaded; it leaves the inbox. */
    public void acknowledge(String messageId) {
        String id = safeId(messageId);
        String what = "MESH acknowledge of message " + id;
        HttpResponse<byte[]> response = calls.call(what, () -> calls.request(mailboxPath + "/inbox/" + id + "/status/acknowledged")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), true);
        MeshCalls.expect(what, response, 200);
    }

    private HttpRequest firstPost(OutgoingMessage message, byte[] chunk, int total) {
        HttpRequest.Builder builder = calls.request(mailboxPath + "/outbox")
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
        HttpRequest.Builder builder = calls.request(mailboxPath + "/outbox/" + messageId + "/" + number)
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

    private URI sameServer(URI link, String what) {
        URI base = options.baseUrl();
        if (!Objects.equals(link.getScheme(), base.getScheme()) || !Objects.equals(link.getHost(), base.getHost())
                || link.getPort() != base.getPort()) {
            throw new MeshException(what + ": links.next points to another server", 0);
        }
        return link;
    }

    private static int chunkTotal(HttpResponse<byte[]> response, String what) {
        String range = MeshCalls.header(response, "mex-chunk-range");
        var matcher = range == null ? null : CHUNK_RANGE.matcher(range.strip());
        if (matcher == null || !matcher.matches() || !"1".equals(matcher.group(1)) || Integer.parseInt(matcher.group(2)) < 1) {
            throw new MeshException(what + ": a partial answer without a usable mex-chunk-range 1:n", 206);
        }
        return Integer.parseInt(matcher.group(2));
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

package org.ndoo.gateway.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.util.json.Jsoner;

/**
 * A MESH server for tests on 127.0.0.1 (random port), implementing the calls the gateway makes, for several
 * mailboxes: handshake, send (with chunked upload reassembly and gzip chunks), inbox list (v2 paging with
 * {@code links.next}, page size configurable, {@code workflow_filter}), download (chunked, with 206 and
 * {@code mex-chunk-range}, chunk size configurable) and acknowledge. Tokens are checked like MESH does (see
 * {@link MeshTokenCheck}): a reused token gets 403. Messages to {@link NationalOptOutService#MAILBOX} on its
 * workflow are answered by {@link #optOutService()}. Fault hooks: {@link #failNext} answers 503;
 * {@link #requests} counts calls per endpoint.
 */
public final class MeshTestServer implements AutoCloseable {

    /** The calls the server knows. */
    public enum Endpoint { HANDSHAKE, SEND, SEND_CHUNK, LIST, DOWNLOAD, DOWNLOAD_CHUNK, ACKNOWLEDGE }

    private static final String V2 = "application/vnd.mesh.v2+json";
    private static final Pattern CHUNK_RANGE = Pattern.compile("(\\d{1,6}):(\\d{1,6})");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final HttpServer http;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mesh-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final MeshTokenCheck tokens;
    private final Clock clock = Clock.systemUTC();
    private final Object lock = new Object();
    private final Map<String, MeshTestMessage> uploads = new LinkedHashMap<>();
    private final Map<String, List<MeshTestMessage>> inboxes = new LinkedHashMap<>();
    private final Map<String, List<MeshTestMessage>> delivered = new LinkedHashMap<>();
    private final Map<String, String> acknowledged = new LinkedHashMap<>();
    private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, AtomicInteger> faults = new EnumMap<>(Endpoint.class);
    private final AtomicLong sequence = new AtomicLong();
    private final NationalOptOutService optOutService;
    private volatile int pageSize = 500;
    private volatile int downloadChunkSize = Integer.MAX_VALUE;

    private MeshTestServer(String sharedSecret, SSLContext tls) throws IOException {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new AtomicInteger());
            faults.put(endpoint, new AtomicInteger());
        }
        this.tokens = new MeshTokenCheck(sharedSecret, passwords, clock);
        this.optOutService = new NationalOptOutService(this);
        passwords.put(NationalOptOutService.MAILBOX, java.util.UUID.randomUUID().toString());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            this.http = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = tls.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            this.http = https;
        }
        http.createContext("/messageexchange/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /** A running server whose tokens are keyed with {@code sharedSecret}. */
    public static MeshTestServer start(String sharedSecret) throws IOException {
        return new MeshTestServer(sharedSecret, null);
    }

    /** A running HTTPS server presenting {@code tls}'s key and requiring a client certificate it trusts. */
    public static MeshTestServer startMutualTls(String sharedSecret, SSLContext tls) throws IOException {
        return new MeshTestServer(sharedSecret, tls);
    }

    /** Adds a mailbox that may log in with {@code password}. */
    public MeshTestServer mailbox(String id, String password) {
        passwords.put(id, password);
        return this;
    }

    /** {@code http://127.0.0.1:port} (or https). */
    public URI baseUrl() {
        String scheme = http instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + http.getAddress().getPort());
    }

    /** At most this many ids per inbox page (v2). */
    public MeshTestServer pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Downloads come in chunks of at most this many bytes. */
    public MeshTestServer downloadChunkSize(int size) {
        this.downloadChunkSize = size;
        return this;
    }

    /** The next {@code count} requests to {@code endpoint} get 503 (before any authentication or processing). */
    public void failNext(Endpoint endpoint, int count) {
        faults.get(endpoint).set(count);
    }

    /** How many requests reached {@code endpoint}, failed ones included. */
    public int requests(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    /** The national opt-out service played by this server. */
    public NationalOptOutService optOutService() {
        return optOutService;
    }

    /** The ids waiting in {@code mailbox}'s inbox, oldest first. */
    public List<String> inbox(String mailbox) {
        synchronized (lock) {
            return inboxes.getOrDefault(mailbox, List.of()).stream().map(MeshTestMessage::id).toList();
        }
    }

    /** Every message ever delivered to {@code mailbox} (including those acknowledged or consumed), oldest first. */
    public List<MeshTestMessage> deliveredTo(String mailbox) {
        synchronized (lock) {
            return List.copyOf(delivered.getOrDefault(mailbox, List.of()));
        }
    }

    /** Puts a new complete message in {@code to}'s inbox, as MESH or another mailbox would; returns its id. */
    public String deliver(String from, String to, String workflowId, String fileName, String localId, String subject,
            String messageType, String statusCode, String linkedMessageId, byte[] body) {
        MeshTestMessage message = newMessage(from, to, workflowId, fileName, localId, subject, messageType, statusCode,
                linkedMessageId, false, 1);
        message.chunks[0] = body;
        synchronized (lock) {
            file(message);
        }
        return message.id();
    }

    @Override
    public void close() {
        http.stop(0);
        optOutService.close();
        executor.shutdownNow();
    }

    private MeshTestMessage newMessage(String from, String to, String workflowId, String fileName, String localId,
            String subject, String messageType, String statusCode, String linkedMessageId, boolean compressed, int chunks) {
        long seq = sequence.incrementAndGet();
        String id = ID_TIME.format(clock.instant()) + String.format("%06d_%06X", seq, (int) (Math.random() * 0xFFFFFF));
        return new MeshTestMessage(id, from, to, workflowId, fileName, localId, subject, messageType, statusCode,
                linkedMessageId, compressed, chunks, seq);
    }

    /** Delivers a complete message: to the opt-out service if it is for it, else to the recipient's inbox. */
    private void file(MeshTestMessage message) {
        delivered.computeIfAbsent(message.to, k -> new ArrayList<>()).add(message);
        if (optOutService.handles(message)) {
            executor.execute(() -> optOutService.receive(message));
        } else {
            inboxes.computeIfAbsent(message.to, k -> new ArrayList<>()).add(message);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String[] parts = path.substring("/messageexchange/".length()).split("/", -1);
            String method = exchange.getRequestMethod();
            Endpoint endpoint = route(method, parts);
            if (endpoint == null) {
                reply(exchange, 404, json(Map.of("errorDescription", "no such endpoint")));
                return;
            }
            counts.get(endpoint).incrementAndGet();
            if (faults.get(endpoint).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 503, json(Map.of("errorDescription", "service unavailable")));
                return;
            }
            String mailbox = parts[0];
            if (!tokens.accepts(exchange.getRequestHeaders().getFirst("Authorization"), mailbox)) {
                reply(exchange, 403, json(Map.of("errorEvent", "AUTH", "errorCode", 403, "errorDescription", "Not authorized")));
                return;
            }
            boolean v2 = String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains(V2);
            switch (endpoint) {
                case HANDSHAKE -> handshake(exchange, mailbox);
                case SEND -> send(exchange, mailbox, body, v2);
                case SEND_CHUNK -> sendChunk(exchange, mailbox, parts[2], parts[3], body);
                case LIST -> list(exchange, mailbox, v2);
                case DOWNLOAD -> download(exchange, mailbox, parts[2], "1");
                case DOWNLOAD_CHUNK -> download(exchange, mailbox, parts[2], parts[3]);
                case ACKNOWLEDGE -> acknowledge(exchange, mailbox, parts[2], v2);
            }
        }
    }

    private static Endpoint route(String method, String[] p) {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (p.length == 1 && (get || post)) {
            return Endpoint.HANDSHAKE;
        }
        if (p.length == 2 && p[1].equals("outbox") && post) {
            return Endpoint.SEND;
        }
        if (p.length == 4 && p[1].equals("outbox") && post) {
            return Endpoint.SEND_CHUNK;
        }
        if (p.length == 2 && p[1].equals("inbox") && get) {
            return Endpoint.LIST;
        }
        if (p.length == 3 && p[1].equals("inbox") && get) {
            return Endpoint.DOWNLOAD;
        }
        if (p.length == 4 && p[1].equals("inbox") && get) {
            return Endpoint.DOWNLOAD_CHUNK;
        }
        if (p.length == 5 && p[1].equals("inbox") && p[3].equals("status") && p[4].equals("acknowledged")
                && method.equals("PUT")) {
            return Endpoint.ACKNOWLEDGE;
        }
        return null;
    }

    private void handshake(HttpExchange exchange, String mailbox) throws IOException {
        for (String required : List.of("mex-clientversion", "mex-osname", "mex-osversion")) {
            if (isBlank(exchange.getRequestHeaders().getFirst(required))) {
                reply(exchange, 400, json(Map.of("errorDescription", "missing " + required)));
                return;
            }
        }
        reply(exchange, 200, json(Map.of("mailboxId", mailbox)));
    }

    private void send(HttpExchange exchange, String mailbox, byte[] body, boolean v2) throws IOException {
        var headers = exchange.getRequestHeaders();
        String to = headers.getFirst("mex-to");
        String workflowId = headers.getFirst("mex-workflowid");
        String from = headers.getFirst("mex-from");
        if (isBlank(to) || isBlank(workflowId) || isBlank(headers.getFirst("mex-filename"))
                || !"application/octet-stream".equals(headers.getFirst("Content-Type"))) {
            reply(exchange, 400, json(Map.of("errorCode", "06", "errorDescription", "Malformed headers")));
            return;
        }
        if (from != null && !from.equals(mailbox)) {
            reply(exchange, 403, json(Map.of("errorCode", "07", "errorDescription", "Invalid From Address")));
            return;
        }
        if (!passwords.containsKey(to)) {
            reply(exchange, 417, json(Map.of("errorCode", "12", "errorDescription", "Unregistered to address")));
            return;
        }
        int total = 1;
        String range = headers.getFirst("mex-chunk-range");
        if (range != null) {
            var m = CHUNK_RANGE.matcher(range);
            if (!m.matches() || !m.group(1).equals("1") || Integer.parseInt(m.group(2)) < 1) {
                reply(exchange, 400, json(Map.of("errorDescription", "bad mex-chunk-range")));
                return;
            }
            total = Integer.parseInt(m.group(2));
        }
        boolean gzip = "gzip".equalsIgnoreCase(headers.getFirst("Content-Encoding"));
        byte[] plain = gzip ? gunzip(body) : body;
        if (plain == null) {
            reply(exchange, 400, json(Map.of("errorDescription", "body is not gzip")));
            return;
        }
        MeshTestMessage message = newMessage(mailbox, to, workflowId, headers.getFirst("mex-filename"),
                headers.getFirst("mex-localid"), headers.getFirst("mex-subject"), "DATA", "00", null, gzip, total);
        message.chunks[0] = plain;
        synchronized (lock) {
            if (message.complete()) {
                file(message);
            } else {
                uploads.put(message.id(), message);
            }
        }
        reply(exchange, 202, json(Map.of(v2 ? "message_id" : "messageID", message.id())));
    }

    private void sendChunk(HttpExchange exchange, String mailbox, String id, String number, byte[] body) throws IOException {
        var headers = exchange.getRequestHeaders();
        var m = CHUNK_RANGE.matcher(String.valueOf(headers.getFirst("mex-chunk-range")));
        synchronized (lock) {
            MeshTestMessage message = uploads.get(id);
            if (message == null || !message.from.equals(mailbox)) {
                reply(exchange, 404, json(Map.of("errorDescription", "no such upload")));
                return;
            }
            if (!m.matches() || !m.group(1).equals(number) || Integer.parseInt(m.group(2)) != message.chunks.length
                    || Integer.parseInt(number) < 2 || Integer.parseInt(number) > message.chunks.length) {
                reply(exchange, 400, json(Map.of("errorDescription", "bad mex-chunk-range")));
                return;
            }
            boolean gzip = "gzip".equalsIgnoreCase(headers.getFirst("Content-Encoding"));
            byte[] plain = gzip ? gunzip(body) : body;
            if (plain == null || gzip != message.compressed) {
                reply(exchange, 400, json(Map.of("errorDescription", "chunk encoding differs from the first chunk")));
                return;
            }
            message.chunks[Integer.parseInt(number) - 1] = plain;
            if (message.complete()) {
                uploads.remove(id);
                file(message);
            }
        }
        reply(exchange, 202, new byte[0]);
    }

    private void list(HttpExchange exchange, String mailbox, boolean v2) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String filter = query.get("workflow_filter");
        int max = query.containsKey("max_results") ? Integer.parseInt(query.get("max_results")) : pageSize;
        long after = query.containsKey("continue_from") ? Long.parseLong(query.get("continue_from")) : 0;
        List<MeshTestMessage> matching;
        synchronized (lock) {
            matching = inboxes.getOrDefault(mailbox, List.of()).stream()
                    .filter(msg -> msg.sequence > after && matches(filter, msg.workflowId)).toList();
        }
        int limit = v2 ? Math.min(max, pageSize) : 500;
        List<MeshTestMessage> page = matching.subList(0, Math.min(limit, matching.size()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messages", page.stream().map(MeshTestMessage::id).toList());
        if (v2) {
            Map<String, String> links = new LinkedHashMap<>();
            String base = "/messageexchange/" + mailbox + "/inbox?max_results=" + limit
                    + (filter == null ? "" : "&workflow_filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
            links.put("self", base);
            if (matching.size() > page.size()) {
                links.put("next", base + "&continue_from=" + page.get(page.size() - 1).sequence);
            }
            answer.put("links", links);
            answer.put("approx_inbox_count", matching.size());
        }
        reply(exchange, 200, json(answer));
    }

    private void download(HttpExchange exchange, String mailbox, String id, String number) throws IOException {
        MeshTestMessage message;
        synchronized (lock) {
            message = inboxes.getOrDefault(mailbox, List.of()).stream().filter(msg -> msg.id.equals(id)).findFirst().orElse(null);
            if (message == null) {
                boolean gone = mailbox.equals(acknowledged.get(id));
                reply(exchange, gone ? 410 : 404, json(Map.of("errorDescription", gone ? "gone" : "not found")));
                return;
            }
        }
        byte[] body = message.body();
        int size = downloadChunkSize;
        int total = Math.max(1, (int) ((body.length + (long) size - 1) / size));
        int n = Integer.parseInt(number);
        if (n < 1 || n > total) {
            reply(exchange, 404, json(Map.of("errorDescription", "no such chunk")));
            return;
        }
        var out = exchange.getResponseHeaders();
        out.set("Content-Type", "application/octet-stream");
        out.set("mex-messageid", message.id);
        out.set("mex-messagetype", message.messageType);
        out.set("mex-workflowid", message.workflowId);
        out.set("mex-from", message.from);
        out.set("mex-to", message.to);
        out.set("mex-statuscode", message.statusCode);
        out.set("mex-content-compressed", "N");
        setIfPresent(out, "mex-filename", message.fileName);
        setIfPresent(out, "mex-localid", message.localId);
        setIfPresent(out, "mex-subject", message.subject);
        setIfPresent(out, "mex-linkedmsgid", message.linkedMessageId);
        if (total > 1) {
            out.set("mex-chunk-range", n + ":" + total);
        }
        int from = (int) Math.min(body.length, (long) (n - 1) * size);
        int to = (int) Math.min(body.length, (long) n * size);
        reply(exchange, n < total ? 206 : 200, java.util.Arrays.copyOfRange(body, from, to));
    }

    private void acknowledge(HttpExchange exchange, String mailbox, String id, boolean v2) throws IOException {
        synchronized (lock) {
            List<MeshTestMessage> inbox = inboxes.getOrDefault(mailbox, new ArrayList<>());
            boolean removed = inbox.removeIf(msg -> msg.id.equals(id));
            if (!removed && !mailbox.equals(acknowledged.get(id))) {
                reply(exchange, 404, json(Map.of("errorDescription", "not found")));
                return;
            }
            acknowledged.put(id, mailbox);
        }
        reply(exchange, 200, json(Map.of(v2 ? "message_id" : "messageId", id)));
    }

    /** MESH-style filter: exact, {@code !} negates, {@code *} is a wildcard. */
    private static boolean matches(String filter, String workflowId) {
        if (filter == null || filter.isEmpty()) {
            return true;
        }
        boolean negate = filter.startsWith("!");
        String pattern = negate ? filter.substring(1) : filter;
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(java.util.stream.Collectors.joining(".*"));
        boolean found = Pattern.compile(regex).matcher(workflowId).matches();
        return negate != found;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static void setIfPresent(com.sun.net.httpserver.Headers headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] json(Map<String, ?> value) {
        return Jsoner.serialize(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", body.length > 0 ? V2 : "text/plain");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}

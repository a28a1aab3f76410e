package org.ndoo.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The national opt-out service ("POS") as {@link MeshTestServer} plays it for messages sent to {@link #MAILBOX} on
 * {@link #WORKFLOW}. It first puts a receipt in the sender's inbox (subject {@code SUCCESS}, a small JSON body,
 * status pending), then, after {@link #replyAfter} or when a test calls {@link #releaseResults()}, the result: the
 * request's numbers minus the opted-out ones, each as {@code <number>,} on its own line; or, when a number fails the
 * mod-11 check (or {@link #answerInvalidNext()} was called), the single line {@link #INVALID_NUMBERS}. After
 * {@link #reportNext(String)} it answers the next request with a MESH {@code REPORT} instead of any reply.
 * Replies carry the request's local id and workflow id.
 */
public final class NationalOptOutService implements AutoCloseable {

    public static final String MAILBOX = "X26HC065";
    public static final String WORKFLOW = "SPINE_NTT_UPHOLDING";
    public static final String INVALID_NUMBERS = "The file contains one or more invalid NHS Numbers.";
    public static final String RECEIPT_SUBJECT = "SUCCESS";

    private final MeshTestServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mesh-test-pos");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> held = new ArrayList<>();
    private volatile Set<String> optedOut = Set.of();
    private volatile Duration delay;
    private volatile boolean invalidNext;
    private volatile String reportNext;

    NationalOptOutService(MeshTestServer server) {
        this.server = server;
    }

    /** The register: numbers whose holders opted out. */
    public NationalOptOutService optedOut(Set<String> numbers) {
        this.optedOut = Set.copyOf(numbers);
        return this;
    }

    /** Results come this long after the receipt; null (the default) holds them until {@link #releaseResults()}. */
    public NationalOptOutService replyAfter(Duration after) {
        this.delay = after;
        return this;
    }

    /** The next request is answered with the invalid-numbers line whatever it holds. */
    public NationalOptOutService answerInvalidNext() {
        this.invalidNext = true;
        return this;
    }

    /** The next request gets a MESH REPORT with {@code statusCode} (for example 14, undelivered) and nothing else. */
    public NationalOptOutService reportNext(String statusCode) {
        this.reportNext = statusCode;
        return this;
    }

    /** Delivers the results held so far; returns how many. */
    public int releaseResults() {
        List<Runnable> due;
        synchronized (held) {
            due = List.copyOf(held);
            held.clear();
        }
        due.forEach(Runnable::run);
        return due.size();
    }

    boolean handles(MeshTestMessage message) {
        return MAILBOX.equals(message.to) && WORKFLOW.equals(message.workflowId);
    }

    void receive(MeshTestMessage request) {
        String report = reportNext;
        reportNext = null;
        if (report != null) {
            server.deliver(MAILBOX, request.from, request.workflowId, request.fileName, request.localId, request.subject,
                    "REPORT", report, request.id, new byte[0]);
            return;
        }
        String receipt = "{\"status\": \"pending\", \"dataset_id\": \"mesh_to_pos\", \"message_id\": \"" + request.id + "\"}";
        server.deliver(MAILBOX, request.from, request.workflowId, request.fileName + ".json", request.localId,
                RECEIPT_SUBJECT, "DATA", "00", null, receipt.getBytes(StandardCharsets.UTF_8));
        boolean invalid = invalidNext;
        invalidNext = false;
        byte[] result = answer(new String(request.body(), StandardCharsets.UTF_8), invalid).getBytes(StandardCharsets.UTF_8);
        Runnable reply = () -> server.deliver(MAILBOX, request.from, request.workflowId, request.fileName,
                request.localId, request.subject, "DATA", "00", null, result);
        Duration after = delay;
        if (after == null) {
            synchronized (held) {
                held.add(reply);
            }
        } else {
            timer.schedule(reply, after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private String answer(String request, boolean invalid) {
        List<String> numbers = new ArrayList<>();
        for (String line : request.split("\r\n|\n|\r")) {
            String number = line.strip();
            if (number.endsWith(",")) {
                number = number.substring(0, number.length() - 1).strip();
            }
            if (number.isEmpty()) {
                continue;
            }
            if (!validNhsNumber(number)) {
                invalid = true;
            }
            numbers.add(number);
        }
        if (invalid) {
            return INVALID_NUMBERS + "\n";
        }
        StringBuilder result = new StringBuilder();
        for (String number : numbers) {
            if (!optedOut.contains(number)) {
                result.append(number).append(",\n");
            }
        }
        return result.toString();
    }

    /** Ten digits whose last is the mod-11 check digit of the first nine (weights 10..2; 11 is 0, 10 is invalid). */
    static boolean validNhsNumber(String s) {
        if (s.length() != 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check != 10 && check == s.charAt(9) - '0';
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

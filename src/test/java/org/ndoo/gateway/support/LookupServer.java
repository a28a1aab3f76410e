package org.ndoo.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.ndoo.gateway.lookup.SandboxLookupHandler;
import org.ndoo.gateway.lookup.SandboxRegistry;
import org.ndoo.gateway.lookup.SandboxServer;

/**
 * A real HTTP lookup server on loopback for tests: the gateway's own sandbox handler with the test register,
 * behind a script of faults (answer a status instead) and a record of what each request held (line counts and
 * headers, never kept beyond the test).
 */
public final class LookupServer implements AutoCloseable {

    /** What one request looked like. */
    public record Request(int lines, String contentType, String authorization) {
    }

    /** A scripted answer: a status and body, or (cutOff) a body that stops half-way and the connection closed. */
    private record Fault(int status, String body, boolean cutOff) {
    }

    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private SandboxServer server;
    private final HttpHandler handler;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int stallAbove = Integer.MAX_VALUE;
    private volatile int failUpToLines = -1;
    private volatile int failStatus;
    private volatile long stallMillis;
    private final java.util.concurrent.atomic.AtomicInteger stallsLeft = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int holdFrom = Integer.MAX_VALUE;
    private volatile int holdAboveLines = -1;
    private volatile String passOnlyWith;
    private final java.util.concurrent.atomic.AtomicInteger holdCandidates = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    public LookupServer(SandboxRegistry registry, String token) throws IOException {
        HttpHandler sandbox = new SandboxLookupHandler(registry, token);
        this.handler = exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                handle(exchange, sandbox);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        this.server = SandboxServer.start(0, handler);
    }

    private void handle(HttpExchange exchange, HttpHandler sandbox) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        requests.add(new Request(text.isEmpty() ? 0 : text.split("\n").length,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        if (requests.get(requests.size() - 1).lines() > holdAboveLines && holdCandidates.incrementAndGet() >= holdFrom
                || passOnlyWith != null && requests.get(requests.size() - 1).lines() > holdAboveLines
                        && !text.contains(passOnlyWith)) {
            awaitRelease();
        }
        // the answer is decided when the request arrives, so a stalled request never takes a later test's fault
        Fault fault = requests.get(requests.size() - 1).lines() <= failUpToLines ? new Fault(failStatus, "", false)
                : faults.poll();
        if (requests.get(requests.size() - 1).lines() > stallAbove || stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(stallMillis * 1_000_000L);
        }
        if (fault != null) {
            if (fault.cutOff()) {
                // promise a long body, send a little of it, and drop the connection
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
                exchange.sendResponseHeaders(200, 100_000);
                exchange.getResponseBody().write("99900000".getBytes(StandardCharsets.US_ASCII));
                exchange.getResponseBody().flush();
                exchange.close();
                return;
            }
            try (exchange) {
                byte[] answer = fault.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
                exchange.sendResponseHeaders(fault.status(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            }
            return;
        }
        exchange.setStreams(new java.io.ByteArrayInputStream(body), exchange.getResponseBody());
        sandbox.handle(exchange);
    }

    /** The next {@code times} requests are answered with {@code status} and no body. */
    public void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, "", false));
        }
    }

    /** Every request of at most {@code lines} numbers (a last, shorter chunk) is answered with {@code status}. */
    public void failRequestsOfAtMost(int lines, int status) {
        failStatus = status;
        failUpToLines = lines;
    }

    /** The next request gets the start of an answer, then the connection is dropped. */
    public void cutOffNext() {
        faults.add(new Fault(200, "", true));
    }

    /** The next request is answered 200 with {@code body} instead of the register's answer. */
    public void answerNextWith(String body) {
        faults.add(new Fault(200, body, false));
    }

    /** Requests of more than {@code lines} numbers are answered only after {@code millis} (a slow lookup). */
    public void stallRequestsLargerThan(int lines, long millis) {
        stallMillis = millis;
        stallAbove = lines;
    }

    /** The next {@code count} requests are answered only after {@code millis}. */
    public void stallNext(int count, long millis) {
        stallMillis = millis;
        stallsLeft.set(count);
    }

    /** Requests from the {@code n}th on (counting from 1) are answered only after {@link #release()}. */
    public void holdFromRequest(int n) {
        holdFromRequest(n, -1);
    }

    /** As {@link #holdFromRequest(int)}, counting only requests of more than {@code lines} numbers (others pass). */
    public void holdFromRequest(int n, int lines) {
        held = new java.util.concurrent.CountDownLatch(1);
        holdAboveLines = lines;
        holdFrom = n;
    }

    /**
     * Requests that do not hold {@code number} are answered only after {@link #release()}: the chunk holding it is
     * answered, whichever order the chunks are asked in.
     */
    public void holdAllBut(String number) {
        holdAllBut(number, -1);
    }

    /** As {@link #holdAllBut(String)}, counting only requests of more than {@code lines} numbers (others pass). */
    public void holdAllBut(String number, int lines) {
        held = new java.util.concurrent.CountDownLatch(1);
        holdAboveLines = lines;
        passOnlyWith = number;
    }

    /** Answers the held requests, and stops holding. */
    public void release() {
        holdFrom = Integer.MAX_VALUE;
        passOnlyWith = null;
        held.countDown();
    }

    private void awaitRelease() {
        java.util.concurrent.CountDownLatch latch = held;
        waiting.incrementAndGet();
        try {
            latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many requests are being held now (see {@link #holdFromRequest(int)}). */
    public int held() {
        return waiting.get();
    }

    public List<Request> requests() {
        return requests;
    }

    /** Stops answering: connections to its port are refused until {@link #restart()}. */
    public void stop() {
        server.close();
    }

    /** Answers again, on the same port. */
    public void restart() throws IOException {
        server = SandboxServer.start(server.port(), handler);
    }

    /** The most requests that were being answered at the same moment. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    public void reset() {
        release();
        mostInFlight.set(0);
        faults.clear();
        requests.clear();
        holdCandidates.set(0);
        holdAboveLines = -1;
        stallAbove = Integer.MAX_VALUE;
        stallsLeft.set(0);
        failUpToLines = -1;
    }

    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}

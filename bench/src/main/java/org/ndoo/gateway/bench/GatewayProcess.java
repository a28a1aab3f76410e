package org.ndoo.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as operators run it: {@code java -jar target/ndoo-gateway.jar} in its own JVM, from the repository
 * folder (its routes/ and config/), with the benchmark's settings as {@code -D} options and its own GC log.
 */
final class GatewayProcess implements AutoCloseable {

    /** The fields of an audit record the benchmark reads. */
    record AuditRecord(String outcome, Instant receivedAt, long rowsRead, long checked, long permitted) {
    }

    private static final Pattern FIELD = Pattern.compile("\"(outcome|receivedAt)\":\"([^\"]*)\"|\"(rowsRead|checked|permitted)\":(\\d+)");

    private final Path home;
    private final Path inbox;
    private final Path audit;
    private final Path gcLog;
    private final Process process;
    private int auditLinesRead;

    /** Starts the gateway with {@code settings}, keeping its files under {@code home}; waits until it polls. */
    GatewayProcess(Path repository, Path home, String heap, Map<String, String> settings) throws Exception {
        this(repository, home, heap, settings, false);
    }

    /** As above; with {@code profile}, a Java Flight Recorder recording is written to {@code gateway.jfr}. */
    GatewayProcess(Path repository, Path home, String heap, Map<String, String> settings, boolean profile)
            throws Exception {
        this.home = Files.createDirectories(home);
        this.inbox = Files.createDirectories(home.resolve("inbox"));
        this.audit = home.resolve("audit.jsonl");
        this.gcLog = home.resolve("gc.log");
        Map<String, String> all = new TreeMap<>();
        all.put("gateway.inbox.dir", inbox.toString());
        all.put("gateway.work.dir", home.resolve("work").toString());
        all.put("gateway.audit.file", audit.toString());
        all.put("gateway.mail.pickup-dir", home.resolve("outbox").toString());
        // the web front door and the management server on free ports: a gateway running beside it is no obstacle
        all.put("gateway.web.port", "0");
        all.put("gateway.observe.port", "0");
        all.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(heap);
        command.add(Measurements.gcLogOption(gcLog));
        if (profile) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + home.resolve("gateway.jfr"));
        }
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(repository.resolve("target/ndoo-gateway.jar").toString());
        Path log = home.resolve("gateway.log");
        process = new ProcessBuilder(command).directory(repository.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitLogLine(log, " started in ", Duration.ofSeconds(60));
    }

    /** The web front door's root as the ready line gives it ({@code http://127.0.0.1:<port>/}). */
    String webUrl() throws Exception {
        Path log = home.resolve("gateway.log");
        awaitLogLine(log, "NDOO gateway ready: ", Duration.ofSeconds(30));
        Matcher m = Pattern.compile("web front door (https?://\\S+/);")
                .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new IllegalStateException("no web front door in the ready line; see " + log);
        }
        return m.group(1);
    }

    /** Removes {@code dir} and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void awaitLogLine(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway stopped at start-up; see " + log);
            }
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("the gateway did not start within " + timeout + "; see " + log);
    }

    /**
     * Drops {@code extract} into the submitter's folder the way a careful pusher does: copied under a {@code .part}
     * name, then renamed. Returns the moment of the rename (epoch ms).
     */
    long drop(Path extract, String submitter, String name) throws IOException {
        Path folder = Files.createDirectories(inbox.resolve(submitter));
        Path part = folder.resolve(name + ".part");
        Files.copy(extract, part, StandardCopyOption.REPLACE_EXISTING);
        long at = System.currentTimeMillis();
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return at;
    }

    /** Waits until the submitter's dropped file has been deleted, that is, its submission has ended. */
    void awaitInputDeleted(String submitter, String name, Duration timeout) throws Exception {
        Path file = inbox.resolve(submitter).resolve(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(file + " still in the inbox after " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** The audit records written since the last call, waiting until there are {@code count} of them. */
    List<AuditRecord> newAuditRecords(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = Files.exists(audit) ? Files.readAllLines(audit) : List.of();
            if (lines.size() >= auditLinesRead + count) {
                List<AuditRecord> records = new ArrayList<>();
                for (String line : lines.subList(auditLinesRead, auditLinesRead + count)) {
                    records.add(parse(line));
                }
                auditLinesRead += count;
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no audit record within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    private static AuditRecord parse(String json) {
        Map<String, String> fields = new TreeMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1) != null) {
                fields.put(m.group(1), m.group(2));
            } else {
                fields.put(m.group(3), m.group(4));
            }
        }
        return new AuditRecord(fields.get("outcome"), Instant.parse(fields.get("receivedAt")),
                Long.parseLong(fields.get("rowsRead")), Long.parseLong(fields.get("checked")),
                Long.parseLong(fields.get("permitted")));
    }

    /** Peak resident set of the gateway's JVM so far, in kB. */
    long peakRssKb() {
        return Measurements.peakRssKb(process.pid());
    }

    /** Stops the gateway (SIGTERM, a graceful shutdown) and returns its heap figures from the GC log. */
    Measurements.Heap stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return Measurements.heap(gcLog);
    }

    long pid() {
        return process.pid();
    }

    Path home() {
        return home;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}

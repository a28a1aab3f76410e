package org.ndoo.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark ({@code bench/run}): synthetic extracts dropped into a real gateway process, timed from
 * drop to delivered email, against a minimal baseline program doing the same essential work on the same files.
 * Prints Markdown and writes it to {@code target/bench/results.md}.
 * <p>
 * Options: {@code --sizes 100000,1000000,10000000} (rows), {@code --runs 3} (measured drops per size, after one
 * warm-up drop of the same file; the baseline likewise), {@code --batch 20} (files of the smallest size dropped together), {@code --latency-runs 10},
 * (also the submissions of the web front door's run), {@code --lookups sandbox,http}, {@code --mails pickup,smtp}, {@code --jfr true} (a flight recording of each
 * gateway run, in {@code target/bench/runs/<run>/gateway.jfr}).
 */
public final class GatewayBenchmark {

    static final String HEAP = "-Xmx512m";
    static final String SUBMITTER = "bench@nhs.net";
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final Path repository = Paths.get("").toAbsolutePath();
    private final Path out = repository.resolve("target/bench");
    private final Path data = out.resolve("data");
    private final Map<String, String> options;
    private final StringBuilder report = new StringBuilder();

    private GatewayBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("sizes", "100000,1000000,10000000", "runs", "3",
                "batch", "20", "latency-runs", "10",
                "lookups", "sandbox,http", "mails", "pickup,smtp", "jfr", "false"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new GatewayBenchmark(options).run();
    }

    /** One timed drop: polling delay (drop to pick-up) and processing (pick-up to email). */
    record Drop(long pollingMs, long processingMs, long totalMs, String responseSha256, GatewayProcess.AuditRecord audit) {
    }

    record Baseline(long medianMs, long peakHeapMb, long liveHeapMb, long rssKb, String result) {
        String sha256() {
            return result.replaceAll(".*sha256=", "");
        }
    }

    private void run() throws Exception {
        long[] sizes = Arrays.stream(options.get("sizes").split(",")).mapToLong(Long::parseLong).toArray();
        int runs = Integer.parseInt(options.get("runs"));
        Files.createDirectories(data);
        // every run starts with an empty inbox, outbox and audit log
        GatewayProcess.deleteTree(out.resolve("runs"));
        Path register = data.resolve("optouts.txt");
        int optedOut = SyntheticExtract.writeRegister(register);
        Map<Long, Path> extracts = new LinkedHashMap<>();
        for (long size : sizes) {
            Path file = data.resolve("extract-" + size + ".csv");
            SyntheticExtract.write(file, size, size);
            extracts.put(size, file);
        }
        machine(optedOut);

        Map<Long, Baseline> baselines = new LinkedHashMap<>();
        Table baselineTable = new Table("rows", "bytes", "result", "time (median)", "rows/s", "peak heap MB",
                "live heap MB", "peak RSS MB");
        for (long size : sizes) {
            // each size is warmed up on its own file, so that both programs run compiled code when measured
            Baseline b = baseline(extracts.get(size), register, extracts.get(size), runs);
            baselines.put(size, b);
            baselineTable.row(Table.n(size), Table.n(Files.size(extracts.get(size))), b.result().replaceAll(" sha256=.*", ""),
                    b.medianMs() + " ms", Table.rate(size, b.medianMs()), b.peakHeapMb(), b.liveHeapMb(), Table.mb(b.rssKb()));
        }
        section("Baseline: the essential work, single-threaded, " + HEAP, baselineTable);

        Table gatewayTable = new Table("lookup", "mail", "rows", "polling delay", "processing (median)", "rows/s",
                "gateway / baseline", "peak heap MB", "live heap MB", "peak RSS MB", "same response file");
        Map<Long, Long> singleFileMs = new HashMap<>();
        for (String lookup : options.get("lookups").split(",")) {
            for (String mail : options.get("mails").split(",")) {
                for (long size : sizes) {
                    Baseline b = baselines.get(size);
                    String label = lookup + "-" + mail + "-" + size;
                    List<Drop> drops = new ArrayList<>();
                    long rss;
                    Measurements.Heap heap;
                    try (Lookup service = Lookup.start(lookup, repository, register, out.resolve("runs/" + label));
                         Mailbox mailbox = mailbox(mail, out.resolve("runs/" + label + "/outbox"));
                         GatewayProcess gateway = gateway(label, service, mailbox, Map.of())) {
                        dropAndWait(gateway, mailbox, extracts.get(size), "warm-up.csv");
                        for (int i = 1; i <= runs; i++) {
                            drops.add(dropAndWait(gateway, mailbox, extracts.get(size), "extract-" + i + ".csv"));
                        }
                        rss = gateway.peakRssKb();
                        heap = gateway.stop();
                    }
                    long processing = Measurements.median(drops.stream().map(Drop::processingMs).toList());
                    long polling = Measurements.median(drops.stream().map(Drop::pollingMs).toList());
                    if (lookup.equals("sandbox") && mail.equals("pickup")) {
                        singleFileMs.put(size, processing);
                    }
                    boolean same = drops.stream().allMatch(d -> d.responseSha256().equals(b.sha256()));
                    gatewayTable.row(lookup, mail, Table.n(size), polling + " ms", processing + " ms",
                            Table.rate(size, processing), String.format("%.2f", processing / (double) b.medianMs()),
                            heap.peakMb(), heap.liveMb(), Table.mb(rss), same ? "yes" : "NO");
                    System.out.println(label + ": " + processing + " ms");
                }
            }
        }
        section("Gateway end to end, " + HEAP + ": processing is pick-up to delivered email (median of " + runs
                + "), polling delay is drop to pick-up", gatewayTable);
        latency();
        webLatency();
        batch(extracts.get(sizes[0]), sizes[0], singleFileMs.get(sizes[0]), register);
        Files.writeString(out.resolve("results.md"), report);
        System.out.println("\nWritten to " + out.resolve("results.md"));
    }

    private void machine(int optedOut) throws IOException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        report.append("# NDOO Check Gateway benchmark, ").append(LocalDate.now()).append("\n\n")
                .append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memory).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n')
                .append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n')
                .append("- Sandbox register: ").append(Table.n(optedOut))
                .append(" opted-out numbers (5.4% of the 909,090 valid 999-range numbers)\n\n");
        System.out.print(report);
    }

    private void section(String title, Object body) {
        String text = "## " + title + "\n\n" + body + "\n";
        report.append(text);
        System.out.print(text);
    }

    private Baseline baseline(Path extract, Path register, Path warmUp, int runs) throws Exception {
        Path dir = Files.createDirectories(out.resolve("runs/baseline-" + extract.getFileName()));
        Path gcLog = dir.resolve("gc.log");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), HEAP,
                Measurements.gcLogOption(gcLog), "-cp", System.getProperty("java.class.path"),
                BaselineCheck.class.getName(), extract.toString(), register.toString(), dir.toString(),
                warmUp.toString(), Integer.toString(runs)).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("baseline failed: " + lines);
        }
        List<Long> times = lines.stream().filter(l -> l.startsWith("run ")).map(l -> Long.parseLong(l.substring(4))).toList();
        String result = lines.stream().filter(l -> l.startsWith("result ")).findFirst().orElseThrow().substring(7);
        long rss = lines.stream().filter(l -> l.startsWith("rss-peak-kb ")).mapToLong(l -> Long.parseLong(l.substring(12)))
                .findFirst().orElse(-1);
        Measurements.Heap heap = Measurements.heap(gcLog);
        return new Baseline(Measurements.median(times), heap.peakMb(), heap.liveMb(), rss, result);
    }

    private static Mailbox mailbox(String mail, Path pickupFolder) throws IOException {
        return mail.equals("smtp") ? new SmtpMailbox() : new PickupMailbox(pickupFolder);
    }

    private GatewayProcess gateway(String label, Lookup lookup, Mailbox mailbox, Map<String, String> more) throws Exception {
        Map<String, String> settings = new HashMap<>(lookup.gatewaySettings());
        settings.putAll(mailbox.gatewaySettings());
        settings.put("gateway.mail.allowed-domains", "nhs.net");
        settings.putAll(more);
        return new GatewayProcess(repository, out.resolve("runs/" + label), HEAP, settings,
                Boolean.parseBoolean(options.get("jfr")));
    }

    private static Drop dropAndWait(GatewayProcess gateway, Mailbox mailbox, Path extract, String name) throws Exception {
        long droppedAt = gateway.drop(extract, SUBMITTER, name);
        Mailbox.Delivery mail = mailbox.next(LONGEST_WAIT);
        GatewayProcess.AuditRecord audit = gateway.newAuditRecords(1, LONGEST_WAIT).get(0);
        gateway.awaitInputDeleted(SUBMITTER, name, LONGEST_WAIT);
        if (!"delivered".equals(audit.outcome())) {
            throw new IllegalStateException(name + " ended " + audit.outcome() + "; see " + gateway.home());
        }
        long received = audit.receivedAt().toEpochMilli();
        return new Drop(received - droppedAt, mail.arrivedAtMillis() - received, mail.arrivedAtMillis() - droppedAt,
                mail.responseSha256(), audit);
    }

    /** A 10-row file, from drop to email, with the gateway's default settings (sandbox lookup, pickup mail). */
    private void latency() throws Exception {
        int runs = Integer.parseInt(options.get("latency-runs"));
        Path small = data.resolve("ten-rows.csv");
        SyntheticExtract.writeSmall(small, 10);
        List<Long> totals = new ArrayList<>();
        try (Lookup lookup = Lookup.defaults();
             Mailbox mailbox = new PickupMailbox(out.resolve("runs/latency/outbox"));
             GatewayProcess gateway = new GatewayProcess(repository, out.resolve("runs/latency"), HEAP,
                     mailbox.gatewaySettings())) {
            dropAndWait(gateway, mailbox, small, "warm-up.csv");
            for (int i = 1; i <= runs; i++) {
                totals.add(dropAndWait(gateway, mailbox, small, "ten-rows-" + i + ".csv").totalMs());
            }
            gateway.stop();
        }
        long max = totals.stream().mapToLong(Long::longValue).max().orElseThrow();
        section("A 10-row file, drop to email, default settings (" + runs + " drops after one warm-up)",
                new Table("median", "fastest", "slowest", "target")
                        .row(Measurements.median(totals) + " ms", totals.stream().mapToLong(Long::longValue).min().orElseThrow()
                                + " ms", max + " ms", "< 1500 ms: " + (max < 1500 ? "met" : "MISSED")));
    }

    /** Ten typed numbers through the web front door, POST to email, default settings ({@link WebLatency}). */
    private void webLatency() throws Exception {
        int runs = Integer.parseInt(options.get("latency-runs"));
        Path pickup = Files.createDirectories(out.resolve("runs/web-latency/outbox"));
        List<Long> times;
        try (GatewayProcess gateway = new GatewayProcess(repository, out.resolve("runs/web-latency"), HEAP,
                Map.of("gateway.mail.transport", "pickup", "gateway.mail.pickup-dir", pickup.toString()))) {
            times = new WebLatency(gateway.webUrl(), pickup).measure(SUBMITTER, SyntheticExtract.small(10), runs);
            gateway.stop();
        }
        String title = "Ten typed numbers on the web front door, POST to email, default settings";
        if (times.isEmpty()) {
            section(title, "Not measured: this gateway answers 404 on GET /check (no web front door yet).\n");
            return;
        }
        long max = times.stream().mapToLong(Long::longValue).max().orElseThrow();
        section(title + " (" + runs + " submissions after one warm-up)", new Table("median", "fastest", "slowest", "target")
                .row(Measurements.median(times) + " ms", times.stream().mapToLong(Long::longValue).min().orElseThrow()
                        + " ms", max + " ms", WebLatency.TARGET + ": " + (max < 500 ? "met" : "MISSED")));
    }

    /** Many files of the smallest size dropped together (sandbox, pickup), against one file alone. */
    private void batch(Path extract, long size, long singleFileMs, Path register) throws Exception {
        int files = Integer.parseInt(options.get("batch"));
        long firstDrop;
        long firstReceived = Long.MAX_VALUE;
        long lastMail = 0;
        try (Lookup lookup = Lookup.start("sandbox", repository, register, out.resolve("runs/batch"));
             Mailbox mailbox = new PickupMailbox(out.resolve("runs/batch/outbox"));
             GatewayProcess gateway = gateway("batch", lookup, mailbox, Map.of())) {
            dropAndWait(gateway, mailbox, extract, "warm-up.csv");
            firstDrop = System.currentTimeMillis();
            for (int i = 1; i <= files; i++) {
                gateway.drop(extract, SUBMITTER, "batch-" + i + ".csv");
            }
            for (int i = 1; i <= files; i++) {
                lastMail = Math.max(lastMail, mailbox.next(LONGEST_WAIT).arrivedAtMillis());
            }
            for (GatewayProcess.AuditRecord audit : gateway.newAuditRecords(files, LONGEST_WAIT)) {
                firstReceived = Math.min(firstReceived, audit.receivedAt().toEpochMilli());
            }
            gateway.stop();
        }
        long processing = lastMail - firstReceived;
        long rows = size * files;
        double share = (rows * 1000.0 / processing) / (size * 1000.0 / singleFileMs);
        section(files + " files of " + Table.n(size) + " rows dropped together (sandbox lookup, pickup mail)",
                new Table("files", "first drop to last email", "first pick-up to last email", "rows/s",
                        "single file rows/s", "batch / single", "target")
                        .row(files, (lastMail - firstDrop) + " ms", processing + " ms", Table.rate(rows, processing),
                                Table.rate(size, singleFileMs), String.format("%.0f%%", share * 100),
                                ">= 80%: " + (share >= 0.8 ? "met" : "MISSED")));
    }
}

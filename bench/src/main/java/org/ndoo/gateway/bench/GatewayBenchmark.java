package org.ndoo.gateway.bench;

import java.io.IOException;
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
 * Options: {@code --sizes 100000,1000000,10000000} (rows), {@code --runs 50} (interleaved pairs per configuration and
 * size: a baseline run, then a gateway drop; see {@link Pairs}), {@code --warm-ups 2} (gateway drops before the
 * pairs; the baseline has one warm-up run), {@code --batch 20} (files of the smallest size dropped together),
 * {@code --latency-runs 10} (also the submissions of the web front door's run), {@code --lookups sandbox,http},
 * {@code --mails pickup,smtp}, {@code --jfr true} (a flight recording of each gateway run, in
 * {@code target/bench/runs/<run>/gateway.jfr}).
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
        Map<String, String> options = new HashMap<>(Map.of("sizes", "100000,1000000,10000000", "runs", "50",
                "warm-ups", "2", "batch", "20", "latency-runs", "10", "lookups", "sandbox,http", "mails", "pickup,smtp",
                "jfr", "false"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new GatewayBenchmark(options).run();
    }

    /** One timed drop: polling delay (drop to pick-up) and processing (pick-up to email). */
    record Drop(long pollingMs, long processingMs, long totalMs, String responseSha256, GatewayProcess.AuditRecord audit) {
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

        List<EndToEndTables.Row> rows = new ArrayList<>();
        for (String lookup : options.get("lookups").split(",")) {
            for (String mail : options.get("mails").split(",")) {
                for (long size : sizes) {
                    long began = System.nanoTime();
                    EndToEndTables.Row row = pairs(lookup, mail, size, extracts.get(size), register, runs);
                    rows.add(row);
                    System.out.println(row.label() + ": processing " + row.processingMs() + " ms, baseline "
                            + row.baselineMs() + " ms, median pair ratio " + row.pairs().median() + " ("
                            + (System.nanoTime() - began) / 1_000_000_000 + " s with start-up and warm-up)");
                }
            }
        }
        section("Baseline: the essential work, single-threaded, " + HEAP + " (median of every run of the size)",
                EndToEndTables.baseline(extracts, rows));
        section("Gateway end to end, " + HEAP + ": processing is pick-up to delivered email (median of " + runs
                + "), polling delay is drop to pick-up; " + runs + " pairs (baseline run, then gateway drop)",
                EndToEndTables.gateway(rows));
        latency();
        webLatency();
        // the batch runs with the sandbox and pickup mail: compared with that row where there is one
        List<EndToEndTables.Row> smallest = rows.stream().filter(r -> r.size() == sizes[0]).toList();
        EndToEndTables.Row single = smallest.stream().filter(r -> r.lookup().equals("sandbox") && r.mail().equals("pickup"))
                .findFirst().orElse(smallest.get(0));
        batch(extracts.get(sizes[0]), sizes[0], single.processingMs(), register);
        section("Pair by pair: steal and other load (CPU time of processes the benchmark did not start) in % of each"
                + " run's CPU time; disturbed above " + MachineLoad.STEAL_LIMIT + "% steal or "
                + MachineLoad.OTHER_LIMIT + "% other load over the pair", EndToEndTables.pairByPair(rows));
        Files.writeString(out.resolve("results.md"), report);
        System.out.println("\nWritten to " + out.resolve("results.md"));
    }

    /**
     * One configuration and size: the gateway and the baseline both started and warmed up, then {@code runs} pairs,
     * each a baseline run followed by a gateway drop, with what the machine did during each.
     */
    private EndToEndTables.Row pairs(String lookup, String mail, long size, Path extract, Path register, int runs)
            throws Exception {
        String label = lookup + "-" + mail + "-" + size;
        List<Drop> drops = new ArrayList<>();
        Pairs pairs = new Pairs();
        try (Lookup service = Lookup.start(lookup, repository, register, out.resolve("runs/" + label));
             Mailbox mailbox = mailbox(mail, out.resolve("runs/" + label + "/outbox"));
             GatewayProcess gateway = gateway(label, service, mailbox, Map.of());
             BaselineProcess baseline = new BaselineProcess(extract, register, out.resolve("runs/baseline-" + label),
                     HEAP)) {
            for (int i = 1; i <= Integer.parseInt(options.get("warm-ups")); i++) {
                dropAndWait(gateway, mailbox, extract, "warm-up-" + i + ".csv");
            }
            List<Long> ours = new ArrayList<>(List.of(gateway.pid(), baseline.pid()));
            service.pid().ifPresent(ours::add);
            MachineLoad machine = new MachineLoad(ours);
            for (int i = 1; i <= runs; i++) {
                MachineLoad.Reading start = machine.read();
                long baselineMs = baseline.run();
                MachineLoad.Load baselineLoad = machine.since(start);
                start = machine.read();
                Drop drop = dropAndWait(gateway, mailbox, extract, "extract-" + i + ".csv");
                Pairs.Pair pair = new Pairs.Pair(baselineMs, drop.processingMs(), baselineLoad, machine.since(start));
                pairs.add(pair);
                drops.add(drop);
                System.out.printf("  %s pair %d: baseline %d ms, gateway %d ms, ratio %.2f, steal / other load %s, %s%n",
                        label, i, baselineMs, drop.processingMs(), pair.ratio(), EndToEndTables.load(pair.baselineLoad()),
                        EndToEndTables.load(pair.gatewayLoad()));
            }
            long rss = gateway.peakRssKb();
            Measurements.Heap heap = gateway.stop();
            return new EndToEndTables.Row(lookup, mail, size, drops, pairs, rss, heap, baseline.finish());
        }
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

package org.ndoo.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The tables of the end-to-end runs: the baseline per size, the gateway per configuration and size, every pair. */
final class EndToEndTables {

    /** One configuration and size: its gateway drops, its pairs, and both programs' memory figures. */
    record Row(String lookup, String mail, long size, List<GatewayBenchmark.Drop> drops, Pairs pairs, long rssKb,
               Measurements.Heap heap, BaselineProcess.Summary baseline) {

        String label() {
            return lookup + "-" + mail + "-" + size;
        }

        long processingMs() {
            return Measurements.median(drops.stream().map(GatewayBenchmark.Drop::processingMs).toList());
        }

        long baselineMs() {
            return Measurements.median(pairs.baselineTimes());
        }

        boolean sameResponseFile() {
            return drops.stream().allMatch(d -> d.responseSha256().equals(baseline.sha256()));
        }
    }

    private EndToEndTables() {
    }

    /** Per size, over every baseline run of every configuration of that size. */
    static Table baseline(Map<Long, Path> extracts, List<Row> rows) throws IOException {
        Table table = new Table("rows", "bytes", "result", "time (median)", "rows/s", "peak heap MB",
                "live heap MB", "peak RSS MB");
        for (Map.Entry<Long, Path> extract : extracts.entrySet()) {
            List<Row> ofSize = rows.stream().filter(r -> r.size() == extract.getKey()).toList();
            long median = Measurements.median(ofSize.stream().flatMap(r -> r.pairs().baselineTimes().stream()).toList());
            table.row(Table.n(extract.getKey()), Table.n(Files.size(extract.getValue())),
                    ofSize.get(0).baseline().result().replaceAll(" sha256=.*", ""), median + " ms",
                    Table.rate(extract.getKey(), median),
                    ofSize.stream().mapToLong(r -> r.baseline().peakHeapMb()).max().orElseThrow(),
                    ofSize.stream().mapToLong(r -> r.baseline().liveHeapMb()).max().orElseThrow(),
                    Table.mb(ofSize.stream().mapToLong(r -> r.baseline().rssKb()).max().orElseThrow()));
        }
        return table;
    }

    static Table gateway(List<Row> rows) {
        Table table = new Table("lookup", "mail", "rows", "polling delay", "processing (median)", "baseline (median)",
                "rows/s", "gateway / baseline", "pair ratio (median)", "pair ratio min-max", "pair ratio IQR",
                "undisturbed pairs: median ratio", "worst pair: steal / other load %", "peak heap MB", "live heap MB",
                "peak RSS MB", "same response file");
        for (Row row : rows) {
            long processing = row.processingMs();
            Pairs quiet = row.pairs().undisturbed();
            boolean disturbed = quiet.size() * 4 < row.pairs().size() * 3;
            table.row(row.lookup(), row.mail(), Table.n(row.size()),
                    Measurements.median(row.drops().stream().map(GatewayBenchmark.Drop::pollingMs).toList()) + " ms",
                    processing + " ms", row.baselineMs() + " ms", Table.rate(row.size(), processing),
                    String.format("%.2f", processing / (double) Math.max(1, row.baselineMs())),
                    "**" + row.pairs().median() + "**", row.pairs().range(), row.pairs().interquartileRange(),
                    quiet.size() + " of " + row.pairs().size() + ": " + quiet.median() + (disturbed ? " DISTURBED" : ""),
                    row.pairs().worstLoad(), row.heap().peakMb(), row.heap().liveMb(), Table.mb(row.rssKb()),
                    row.sameResponseFile() ? "yes" : "NO");
        }
        return table;
    }

    /** Every pair of every row, with what the machine did during each of its two runs. */
    static Table pairByPair(List<Row> rows) {
        Table table = new Table("configuration", "pair", "baseline", "gateway", "ratio",
                "baseline run: steal / other load %", "gateway drop: steal / other load %", "disturbed");
        for (Row row : rows) {
            int number = 0;
            for (Pairs.Pair pair : row.pairs().all()) {
                table.row(row.label(), ++number, pair.baselineMs() + " ms", pair.gatewayMs() + " ms",
                        String.format("%.2f", pair.ratio()), load(pair.baselineLoad()), load(pair.gatewayLoad()),
                        pair.disturbed() ? "yes" : "");
            }
        }
        return table;
    }

    static String load(MachineLoad.Load load) {
        return load.ticks() == 0 ? "-" : String.format("%.1f / %.1f", load.stealPercent(), load.otherPercent());
    }
}

package org.ndoo.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

/** What the benchmark reads off a finished run: peak RSS, heap from the GC log, and the response file's digest. */
final class Measurements {

    /** A G1 pause in {@code -Xlog:gc}: {@code 25M->3M(512M)}, heap used before and after. */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** The heap at exit, from {@code -Xlog:gc+heap+exit}: {@code garbage-first heap total 524288K, used 81234K}. */
    private static final Pattern EXIT = Pattern.compile("heap\\s+total\\s+(\\d+)K, used (\\d+)K");

    private Measurements() {
    }

    /** JVM options that make the GC log {@link #heap} reads. */
    static String gcLogOption(Path gcLog) {
        return "-Xlog:gc,gc+heap+exit:file=" + gcLog + ":uptime";
    }

    /**
     * Heap figures in MB: the peak (most in use when a collection started, or at exit) and the largest live set
     * (most still in use after a collection).
     */
    record Heap(long peakMb, long liveMb) {
    }

    static Heap heap(Path gcLog) {
        long peak = 0;
        long live = 0;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher pause = PAUSE.matcher(line);
                if (pause.find()) {
                    peak = Math.max(peak, Long.parseLong(pause.group(1)));
                    live = Math.max(live, Long.parseLong(pause.group(2)));
                }
                Matcher exit = EXIT.matcher(line);
                if (exit.find()) {
                    peak = Math.max(peak, Long.parseLong(exit.group(2)) / 1024);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Heap(peak, live);
    }

    /** The process's peak resident set (VmHWM) in kB, from /proc; -1 where there is no /proc. */
    static long peakRssKb(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            for (String line : status) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** SHA-256 of a response file's CSV text; a .zip is opened and its one entry read. */
    static String responseSha256(Path response) {
        try (InputStream in = Files.newInputStream(response)) {
            return responseSha256(in, response.getFileName().toString().endsWith(".zip"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String responseSha256(InputStream in, boolean zipped) throws IOException {
        MessageDigest sha = sha256();
        InputStream csv = in;
        if (zipped) {
            ZipInputStream zip = new ZipInputStream(in);
            if (zip.getNextEntry() == null) {
                throw new IOException("empty zip");
            }
            csv = zip;
        }
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = csv.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The middle value; of an even number of values, the mean of the two in the middle. */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
    }
}

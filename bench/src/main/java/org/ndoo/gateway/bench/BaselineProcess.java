package org.ndoo.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline ({@link BaselineCheck}) in its own JVM, kept up like the gateway across the pairs of one
 * configuration and size: started and warmed up once, then told over its standard input to run once more whenever
 * the benchmark wants a baseline time.
 */
final class BaselineProcess implements AutoCloseable {

    /** What the baseline did over all its runs: heap and RSS figures, and its counts and response digest. */
    record Summary(long peakHeapMb, long liveHeapMb, long rssKb, String result) {

        String sha256() {
            return result.replaceAll(".*sha256=", "");
        }
    }

    private final Process process;
    private final BufferedReader output;
    private final Writer commands;
    private final Path gcLog;
    private final List<String> lines = new ArrayList<>();

    /** Starts the baseline on {@code extract}, its files under {@code dir}; returns once its warm-up run is done. */
    BaselineProcess(Path extract, Path register, Path dir, String heap) throws IOException {
        Files.createDirectories(dir);
        gcLog = dir.resolve("gc.log");
        process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), heap,
                Measurements.gcLogOption(gcLog), "-cp", System.getProperty("java.class.path"),
                BaselineCheck.class.getName(), extract.toString(), register.toString(), dir.toString(),
                extract.toString()).redirectErrorStream(true).start();
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        awaitLine("ready");
    }

    long pid() {
        return process.pid();
    }

    /** One timed run on the extract, in ms (timed inside the baseline's JVM, as before). */
    long run() throws IOException {
        commands.write("run\n");
        commands.flush();
        return Long.parseLong(awaitLine("run ").substring(4));
    }

    /** Ends the baseline and reads what it did. */
    Summary finish() throws Exception {
        commands.close();
        String result = awaitLine("result ").substring(7);
        long rss = Long.parseLong(awaitLine("rss-peak-kb ").substring(12));
        if (process.waitFor() != 0) {
            throw new IllegalStateException("baseline failed: " + lines);
        }
        Measurements.Heap heap = Measurements.heap(gcLog);
        return new Summary(heap.peakMb(), heap.liveMb(), rss, result);
    }

    private String awaitLine(String start) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new IllegalStateException("baseline stopped before printing \"" + start + "\": " + lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}

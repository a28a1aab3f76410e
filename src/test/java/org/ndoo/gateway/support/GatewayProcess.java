package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ndoo.gateway.GatewayMain;

/**
 * The gateway as a separate JVM, started like {@code java -jar} would (same main class, routes and config, settings
 * as {@code -D} options), so that a test can kill it with SIGKILL at any moment and start it again.
 */
public final class GatewayProcess {

    private final Process process;
    private final Path log;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the gateway with {@code settings} and waits until Camel reports it started. */
    public static GatewayProcess start(Map<String, String> settings, Path log) {
        return start(List.of(), settings, log);
    }

    /** As {@link #start(Map, Path)}, run through {@code launcher} (for example {@code setpriv ...}) first. */
    public static GatewayProcess start(List<String> launcher, Map<String, String> settings, Path log) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GatewayMain.class.getName());
        try {
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            GatewayProcess gateway = new GatewayProcess(process, log);
            Await.until("the gateway JVM started", Duration.ofSeconds(60), () -> gateway.logContains(" started in ")
                    || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("The gateway JVM exited at start-up; see " + log);
            }
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A normal stop (SIGTERM). */
    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}

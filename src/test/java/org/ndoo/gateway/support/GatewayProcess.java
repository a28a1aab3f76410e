package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ndoo.gateway.GatewayMain;

/**
 * The gateway as a separate JVM, working directory the project root (routes/ and config/ as {@code java -jar} finds
 * them), settings as {@code -D} options: either the packaged {@code target/ndoo-gateway.jar} ({@link Launch#JAR},
 * what an operator runs; the build makes it before the tests run) or the test classpath ({@link Launch#CLASSPATH}).
 * A test can wait for it to be ready, kill it with SIGKILL at any moment, stop it, or watch it refuse to start.
 */
public final class GatewayProcess {

    /** The packaged jar, relative to the project root. */
    public static final Path JAR = Path.of("target", "ndoo-gateway.jar");
    /** What the gateway logs once it is ready (startup.ReadyLine). */
    public static final String READY = "NDOO gateway ready: ";

    /** How the JVM is started. */
    public enum Launch {
        JAR, CLASSPATH;

        List<String> command() {
            if (this == JAR) {
                if (!Files.isRegularFile(GatewayProcess.JAR)) {
                    throw new IllegalStateException(GatewayProcess.JAR + " is missing: the build packages it before "
                            + "the tests (process-test-classes); run mvn test or mvn package");
                }
                return List.of("-jar", GatewayProcess.JAR.toString());
            }
            return List.of("-cp", System.getProperty("java.class.path"), GatewayMain.class.getName());
        }
    }

    private final Process process;
    private final Path log;
    private final Path auditFile;

    private GatewayProcess(Process process, Path log, Path auditFile) {
        this.process = process;
        this.log = log;
        this.auditFile = auditFile;
    }

    /** Starts the gateway from the test classpath with {@code settings} and waits until it is ready. */
    public static GatewayProcess start(Map<String, String> settings, Path log) {
        return launch(List.of(), Launch.CLASSPATH, settings, List.of(), log).awaitReady();
    }

    /** As {@link #start(Map, Path)}, run through {@code launcher} (for example {@code setpriv ...}) first. */
    public static GatewayProcess start(List<String> launcher, Map<String, String> settings, Path log) {
        return launch(launcher, Launch.CLASSPATH, settings, List.of(), log).awaitReady();
    }

    /** Starts {@code target/ndoo-gateway.jar} with {@code settings} and waits until it is ready. */
    public static GatewayProcess startJar(Map<String, String> settings, Path log) {
        return launch(Launch.JAR, settings, List.of(), log).awaitReady();
    }

    /** Starts the JVM and returns at once; stdout and stderr both go to {@code log}. */
    public static GatewayProcess launch(Launch launch, Map<String, String> settings, List<String> args, Path log) {
        return launch(List.of(), launch, settings, args, log);
    }

    private static GatewayProcess launch(List<String> launcher, Launch launch, Map<String, String> settings,
            List<String> args, Path log) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(launch.command());
        command.addAll(args);
        try {
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            String audit = settings.get("gateway.audit.file");
            return new GatewayProcess(process, log, audit == null ? null : Path.of(audit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the ready line; fails, with the log's end, if the JVM exits first. */
    public GatewayProcess awaitReady() {
        try {
            Await.until("the gateway JVM ready", Duration.ofSeconds(60), () -> logContains(READY) || !process.isAlive());
        } catch (AssertionError e) {
            kill();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("The gateway JVM exited at start-up (status " + process.exitValue()
                    + "); its log " + log + " ends:\n" + tail(20));
        }
        return this;
    }

    /** Waits for the JVM to end by itself and returns its exit status. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("The gateway JVM did not exit within " + timeout.toSeconds() + " s; log:\n"
                        + tail(20));
            }
            keepEvidence();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        waitForEnd();
    }

    /** A normal stop (SIGTERM), as Ctrl-C or a service manager does. */
    public void stop() {
        process.destroy();
        waitForEnd();
    }

    private void waitForEnd() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keepEvidence();
    }

    /** The ended JVM's log and audit file, for the privacy scan after the suite ({@link PrivacyEvidence}). */
    private void keepEvidence() {
        PrivacyEvidence.copy("process-log", log);
        PrivacyEvidence.copy("audit", auditFile);
    }

    public boolean logContains(String text) {
        return log().contains(text);
    }

    /** The whole log so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The log's lines that contain {@code text}. */
    public List<String> logLines(String text) {
        return log().lines().filter(line -> line.contains(text)).toList();
    }

    private String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}

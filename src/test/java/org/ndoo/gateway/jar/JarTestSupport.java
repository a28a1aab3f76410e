package org.ndoo.gateway.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ndoo.gateway.privacy.NhsNumberMask;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.PickupFolder;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * The packaged gateway, {@code target/ndoo-gateway.jar}, started as its own JVM the way an operator starts it (working
 * directory the project root, settings as {@code -D}), against real edges in this JVM: GreenMail for SMTP, and real
 * folders. Nothing is built here: the build packages the jar before the tests run. Ports are 0 (free ones); the
 * addresses really bound are read from the gateway's ready line.
 */
abstract class JarTestSupport {

    static final String SUBMITTER = "analyst@nhs.net";
    static final String OPERATOR = "gateway-operator@nhs.net";
    private static final Pattern HEALTH_URL = Pattern.compile("health (http://\\S+/health)");
    private static final Pattern STATUS_URL = Pattern.compile("status page (http://\\S+/status)");
    private static final Pattern WEB_URL = Pattern.compile("web front door (https?://\\S+/);");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withPerMethodLifecycle(false);

    static Path root;
    static Path register;
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();
    private final List<GatewayProcess> started = new ArrayList<>();

    @BeforeAll
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("ndoo-gateway-jar-test");
        register = SyntheticNhsNumbers.writeRegister(root);
    }

    @BeforeEach
    void clearMail() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    /** Every gateway a test started is stopped (SIGTERM), whatever the outcome. */
    @AfterEach
    void stopGateways() {
        started.forEach(GatewayProcess::stop);
        started.clear();
    }

    /** Sandbox lookup, pickup mail, short polls, free ports; the folders under {@code dir}. */
    static Map<String, String> settings(Path dir) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("gateway.inbox.dir", dir.resolve("inbox").toString());
        s.put("gateway.work.dir", dir.resolve("work").toString());
        s.put("gateway.mail.pickup-dir", dir.resolve("outbox").toString());
        s.put("gateway.audit.file", dir.resolve("audit.jsonl").toString());
        s.put("gateway.lookup.mesh.sequence-file", dir.resolve("state/mesh-sequence.properties").toString());
        s.put("gateway.lookup.sandbox.optouts", register.toString());
        s.put("gateway.inbox.poll-delay", "100");
        s.put("gateway.inbox.read-lock-min-age", "300");
        s.put("gateway.inbox.read-lock-check-interval", "100");
        s.put("gateway.mail.operator", OPERATOR);
        s.put("gateway.web.port", "0");
        s.put("gateway.observe.port", "0");
        s.put("gateway.health.work-min-free-mb", "1");
        return s;
    }

    /** Mail by SMTP to this test's GreenMail. */
    static Map<String, String> smtp(Map<String, String> settings) {
        return smtp(settings, MAIL.getSmtp().getPort());
    }

    /** Mail by plain SMTP to 127.0.0.1:{@code port}. */
    static Map<String, String> smtp(Map<String, String> settings, int port) {
        settings.put("gateway.mail.transport", "smtp");
        settings.put("gateway.mail.smtp.host", "127.0.0.1");
        settings.put("gateway.mail.smtp.port", Integer.toString(port));
        settings.put("gateway.mail.smtp.security", "none");
        return settings;
    }

    /** A fresh folder for one gateway's inbox, work, outbox and audit. */
    Path newDir() {
        try {
            return Files.createDirectories(root.resolve("run" + RUNS.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits for its ready line; stopped after the test. */
    GatewayProcess startJar(Map<String, String> settings, Path dir) {
        GatewayProcess gateway = GatewayProcess.launch(GatewayProcess.Launch.JAR, settings, List.of(),
                dir.resolve("gateway.log"));
        started.add(gateway);
        return gateway.awaitReady();
    }

    /** Starts the jar and returns at once (for a start that must be refused); stopped after the test. */
    GatewayProcess launchJar(Map<String, String> settings, List<String> args, Path log) {
        GatewayProcess gateway = GatewayProcess.launch(GatewayProcess.Launch.JAR, settings, args, log);
        started.add(gateway);
        return gateway;
    }

    /** The gateway's one ready line. */
    static String readyLine(GatewayProcess gateway) {
        List<String> lines = gateway.logLines(GatewayProcess.READY);
        if (lines.size() != 1) {
            throw new AssertionError("Expected one ready line, got " + lines.size());
        }
        return lines.get(0);
    }

    /** The health URL as the ready line gives it ({@code http://host:port/observe/health}). */
    /** {@code path} as the gateway's log shows it: digit runs that could be NHS numbers masked, as in every line. */
    static String logged(Path path) {
        return NhsNumberMask.mask(path.toString());
    }

    /**
     * Waits until readiness is UP: the ready line comes when Camel has started, readiness once every consumer has
     * polled for the first time.
     */
    static void awaitReadiness(GatewayProcess gateway) {
        String ready = healthUrl(gateway) + "/ready";
        Await.until("readiness UP at " + ready, Duration.ofSeconds(30), () -> Http.get(ready).status() == 200);
    }

    static String healthUrl(GatewayProcess gateway) {
        return find(HEALTH_URL, readyLine(gateway));
    }

    static String statusUrl(GatewayProcess gateway) {
        return find(STATUS_URL, readyLine(gateway));
    }

    /** The web front door's root as the ready line gives it ({@code http://host:port/}, https with TLS). */
    static String webUrl(GatewayProcess gateway) {
        return find(WEB_URL, readyLine(gateway));
    }

    private static String find(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            throw new AssertionError("No " + pattern + " in the ready line: " + line);
        }
        return m.group(1);
    }

    /** Drops a file as a well-behaved copy does: written under a hidden name, then renamed. */
    static Path drop(Path inbox, String folder, String fileName, String content) {
        try {
            Path dir = Files.createDirectories(inbox.resolve(folder));
            Path partial = dir.resolve("." + fileName + ".part");
            Files.writeString(partial, content, StandardCharsets.US_ASCII);
            return Files.move(partial, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One number per line, LF. */
    static String lines(List<String> numbers) {
        return String.join("\n", numbers) + "\n";
    }

    /** Waits for the one .eml file in {@code outbox} and reads it as a mail client would. */
    static MimeMessage awaitPickupMail(Path outbox) {
        Await.until("one .eml in " + outbox, Duration.ofSeconds(30), () -> PickupFolder.emlFiles(outbox).size() == 1);
        return PickupFolder.read(PickupFolder.emlFiles(outbox).get(0));
    }

    /** Waits for the one SMTP mail. */
    static MimeMessage awaitSmtpMail() {
        if (!MAIL.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1)) {
            throw new AssertionError("No email arrived");
        }
        return MAIL.getReceivedMessages()[0];
    }
}

package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ndoo.gateway.GatewayMain;
import org.ndoo.gateway.lookup.SandboxRegistry;
import org.ndoo.gateway.startup.WorkDirectoryLock;

/**
 * Runs the real gateway (the routes in {@code routes/}, the settings in {@code config/}) against real edges: a
 * GreenMail SMTP server, an HTTP lookup server on loopback, and drop, work and audit folders on disk. Only the
 * edges' addresses and the timings are overridden.
 */
public abstract class GatewayTestSupport extends CamelMainTestSupport {

    public static final String SUBMITTER = "analyst@nhs.net";
    public static final String OPERATOR = "gateway-operator@nhs.net";
    public static final String LOOKUP_TOKEN = "test-token-for-lookup";

    @RegisterExtension
    protected static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withPerMethodLifecycle(false);

    protected static Path root;
    private int webPort;
    private int observePort;
    protected static Path registryFile;
    protected static LookupServer lookup;

    @BeforeAll
    static void startEdges() throws IOException {
        root = Files.createTempDirectory("ndoo-gateway-test");
        registryFile = SyntheticNhsNumbers.writeRegister(root);
        lookup = new LookupServer(new SandboxRegistry(registryFile.toString()), LOOKUP_TOKEN);
    }

    @AfterAll
    static void stopEdges() {
        lookup.close();
    }

    /** Each test starts with no mail, no lookup requests or faults, and no audit records. */
    @BeforeEach
    void clearEdges() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        lookup.reset();
        Files.deleteIfExists(auditFile());
    }

    /** Files a failing test left behind must not become the next test's submissions. */
    @AfterEach
    void emptyInbox() throws IOException {
        PrivacyEvidence.copy("audit", auditFile());
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            PrivacyEvidence.mail(mail);
        }
        if (Files.exists(inbox())) {
            try (Stream<Path> paths = Files.walk(inbox())) {
                paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(inbox())).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern(GatewayMain.ROUTES);
    }

    /**
     * The settings of a gateway run as its own JVM (GatewayProcess, TwoNodes) on this test's work directory, mail,
     * lookup and audit file: this test's settings, as the in-test gateway has them.
     */
    protected Map<String, String> processSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        useOverridePropertiesWithPropertiesComponent().forEach((k, v) -> settings.put((String) k, (String) v));
        return settings;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return GatewayMain.PROPERTIES;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("gateway.inbox.dir", inbox().toString());
        p.setProperty("gateway.work.dir", root.resolve("work").toString());
        p.setProperty("gateway.mail.pickup-dir", root.resolve("outbox").toString());
        p.setProperty("gateway.audit.file", auditFile().toString());
        p.setProperty("gateway.inbox.poll-delay", "100");
        p.setProperty("gateway.inbox.read-lock-min-age", "300");
        p.setProperty("gateway.inbox.read-lock-check-interval", "100");
        p.setProperty("gateway.lookup.type", "http");
        p.setProperty("gateway.lookup.http.url", lookup.url());
        p.setProperty("gateway.lookup.http.token", LOOKUP_TOKEN);
        p.setProperty("gateway.lookup.sandbox.optouts", registryFile.toString());
        p.setProperty("gateway.retry.attempts", "3");
        p.setProperty("gateway.retry.delay", "100");
        p.setProperty("gateway.retry.max-delay", "400");
        p.setProperty("gateway.mail.transport", "smtp");
        p.setProperty("gateway.mail.smtp.host", "127.0.0.1");
        p.setProperty("gateway.mail.smtp.port", Integer.toString(MAIL.getSmtp().getPort()));
        p.setProperty("gateway.mail.smtp.security", "none");
        p.setProperty("gateway.mail.operator", OPERATOR);
        webPort = freePort();
        observePort = freePort();
        p.setProperty("gateway.web.port", Integer.toString(webPort));
        p.setProperty("gateway.observe.port", Integer.toString(observePort));
        p.setProperty("gateway.health.work-min-free-mb", "1");
        override(p);
        return p;
    }

    /** The gateway gives a submission up after 2s, trying it again after 300ms, then at most every 600ms. */
    protected static void giveUpAfterTwoSeconds(Properties properties) {
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
        properties.setProperty("gateway.retry.max-age", "2s");
    }

    /** The status page's address (on the management server, with health and metrics, on a free port). */
    protected String statusUrl() {
        return "http://127.0.0.1:" + observePort + "/status";
    }

    /** The web front door's root (the main HTTP server, camel.server, on a free port). */
    protected String webUrl() {
        return "http://127.0.0.1:" + webPort + "/";
    }

    /** The management server's address, where /observe/health and /observe/metrics are. */
    protected String observeUrl() {
        return "http://127.0.0.1:" + observePort + "/observe";
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Changes to the test settings for one test class. */
    protected void override(Properties properties) {
    }

    protected static Path inbox() {
        return root.resolve("inbox");
    }

    protected static Path workDir() {
        return root.resolve("work");
    }

    protected static Path auditFile() {
        return root.resolve("audit.jsonl");
    }

    /** Drops a file the way a well-behaved user's copy ends: written under a hidden name, then renamed. */
    protected static Path drop(String folder, String fileName, byte[] content) {
        try {
            Path dir = Files.createDirectories(inbox().resolve(folder));
            Path partial = dir.resolve("." + fileName + ".part");
            Files.write(partial, content);
            return Files.move(partial, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Path drop(String fileName, String content) {
        return drop(SUBMITTER, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** One number per line, LF, no header. */
    protected static String lines(List<String> numbers) {
        return String.join("\n", numbers) + "\n";
    }

    /** Waits for {@code count} emails in total and returns them all. */
    protected static MimeMessage[] awaitMails(int count) {
        if (!MAIL.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), count)) {
            throw new AssertionError("Expected " + count + " email(s), got " + MAIL.getReceivedMessages().length);
        }
        return MAIL.getReceivedMessages();
    }

    protected static MimeMessage awaitMail() {
        return awaitMails(1)[0];
    }

    /** Waits until {@code input} has been deleted and the work folder holds nothing. */
    protected static void awaitCleanedUp(Path input) {
        Await.until("input deleted and work folder empty", Duration.ofSeconds(20),
                () -> !Files.exists(input) && isEmpty(workDir()));
    }

    /**
     * Whether {@code dir} holds nothing but a running gateway's own lock file (startup.WorkDirectoryLock) and the
     * state folder (the MESH wait database, which holds nothing once no submission waits), a cluster's node folders
     * (each node's lock), and the web uploads folder (or each node's) while it holds no file.
     */
    protected static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.noneMatch(e -> !e.getFileName().toString().equals(WorkDirectoryLock.FILE_NAME)
                    && !e.getFileName().toString().equals(org.ndoo.gateway.submission.WorkArea.STATE_DIR)
                    && !e.getFileName().toString().equals(org.ndoo.gateway.submission.WorkArea.NODES_DIR)
                    && !(e.getFileName().toString().equals(org.ndoo.gateway.submission.WorkArea.UPLOADS_DIR)
                            && filesUnder(e) == 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many regular files there are anywhere under {@code dir}. */
    protected static long filesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run's gateway log (every test's gateway logs there, see the surefire settings in pom.xml). */
    protected static final Path GATEWAY_LOG = Path.of("target/test-gateway.log");

    /** Where the gateway log ends now: pass it to {@link #logLinesSince(long)} later. */
    protected static long logMark() {
        try {
            return Files.exists(GATEWAY_LOG) ? Files.size(GATEWAY_LOG) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway log lines written since {@code mark}. */
    protected static List<String> logLinesSince(long mark) {
        try (var file = new java.io.RandomAccessFile(GATEWAY_LOG.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.max(0, file.length() - mark)];
            file.seek(mark);
            file.readFully(tail);
            return new String(tail, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The audit records written so far. */
    protected static List<String> auditRecords() {
        try {
            return Files.exists(auditFile()) ? Files.readAllLines(auditFile()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless the two lists of NHS numbers are equal, saying where they differ by position and size only:
     * numbers never go into test output.
     */
    protected static void assertSameNumbers(List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        throw new AssertionError("The result differs from the expected " + expected.size() + " numbers: it has "
                + actual.size() + ", first difference at position " + (i + 1));
    }

    /** The lookup's record of requests, as line counts. */
    protected static int[] lookupRequestSizes() {
        return lookup.requests().stream().mapToInt(LookupServer.Request::lines).toArray();
    }

    protected static String describe(int[] sizes) {
        return Arrays.toString(sizes);
    }
}

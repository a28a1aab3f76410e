package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the test suite leaves for the scan that follows it ({@code NoNhsNumberIsLeftAnywhereAfterTheSuiteTest}, run
 * by its own surefire execution after every other test): every page source and cookie the tests were served, every
 * audit file, the headers and text of every email the in-process tests received, and the log of every gateway JVM
 * the tests started, copied into {@link #DIR} before their temporary folders go. The in-process gateways' log ({@code target/test-gateway.log}, appended to across runs) is scanned
 * from the length it had when this run began ({@link #LOG_START}).
 * <p>
 * The suite's execution starts the evidence afresh ({@link PrivacyEvidenceReset}); the scan's own JVM reads what is
 * there.
 */
public final class PrivacyEvidence {

    public static final Path DIR = Path.of("target", "privacy-evidence");
    public static final Path IN_PROCESS_LOG = Path.of("target", "test-gateway.log");
    /** The length of {@link #IN_PROCESS_LOG} when this run's tests began. */
    public static final Path LOG_START = DIR.resolve("test-gateway.log.start");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PrivacyEvidence() {
    }

    /** Starts the evidence afresh: called once when the suite's test run opens ({@link PrivacyEvidenceReset}). */
    static void reset() {
        try {
            if (Files.isDirectory(DIR)) {
                try (Stream<Path> files = Files.walk(DIR)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(DIR);
            long start = Files.exists(IN_PROCESS_LOG) ? Files.size(IN_PROCESS_LOG) : 0;
            Files.writeString(LOG_START, Long.toString(start));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the privacy evidence in " + DIR, e);
        }
    }

    /** A page as the client received it: where from, its headers (cookies among them) and its body. */
    public static void page(String url, String headers, String body) {
        write("page", url + "\n" + headers + "\n\n" + body);
    }

    /**
     * An email as received: its headers and its text (the attachment, a result's permitted numbers, is not
     * evidence: it is what the email is for).
     */
    public static void mail(jakarta.mail.internet.MimeMessage mail) {
        try {
            StringBuilder headers = new StringBuilder();
            for (var header : java.util.Collections.list(mail.getAllHeaderLines())) {
                headers.append(header).append('\n');
            }
            write("mail", headers + "\n" + Mails.text(mail));
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException("cannot keep an email for the privacy scan", e);
        }
    }

    /** A copy of {@code file} (an audit file, a gateway JVM's log), if it exists, kept under {@code kind}. */
    public static void copy(String kind, Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.copy(file, next(kind), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + file + " for the privacy scan", e);
        }
    }

    private static void write(String kind, String text) {
        try {
            Files.writeString(next(kind), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a " + kind + " for the privacy scan", e);
        }
    }

    private static Path next(String kind) throws IOException {
        Path folder = DIR.resolve(kind);
        Files.createDirectories(folder);
        return folder.resolve(ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".txt");
    }
}

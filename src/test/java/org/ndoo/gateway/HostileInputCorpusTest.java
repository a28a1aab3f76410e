package org.ndoo.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of hostile and broken input in {@code src/test/resources/hostile-input/cases.csv}: each file is
 * dropped as a user would, and ends exactly as the corpus says (result, failure notice, operator notice, or left
 * alone), with the input deleted and nothing left in the work area. Afterwards every log line, audit record and
 * work file of the test run is scanned for any NHS number the inputs held: there must be none.
 */
class HostileInputCorpusTest extends GatewayTestSupport {

    private static final Path CORPUS = Path.of("src/test/resources/hostile-input");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{10}(?![0-9])");
    private static final Set<String> INPUT_NUMBERS = ConcurrentHashMap.newKeySet();
    private static final Path RESULT_LOG = Path.of("target/test-gateway.log");

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.inbox.max-bytes", "250000000");
        properties.setProperty("gateway.inbox.max-rows", "1000");
        properties.setProperty("gateway.inbox.max-line-length", "10000");
        properties.setProperty("gateway.inbox.read-lock-min-age", "1000");
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.csv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new))
                .map(f -> Arguments.of(f[0], f[1], f[2], f[3], f[4], f[5]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusCase(String name, String folder, String fileName, String content, String expected, String text)
            throws Exception {
        Path input = place(folderPath(folder), fileName(fileName), content);
        String kind = expected.split(":")[0];
        switch (kind) {
            case "delivered" -> {
                MimeMessage mail = awaitMail();
                assertEquals(SUBMITTER, Mails.to(mail));
                assertEquals(Long.parseLong(expected.split(":")[1]), Mails.count(mail, "Valid NHS numbers"));
                assertTrue(Mails.attachment(mail).fileName().endsWith("-permitted.csv"));
                assertMentions(mail, text);
            }
            case "failed" -> {
                MimeMessage notice = awaitMail();
                assertEquals(SUBMITTER, Mails.to(notice));
                assertTrue(notice.getSubject().startsWith("NDOO check failed"), notice.getSubject());
                assertFalse(Mails.hasAttachment(notice));
                assertMentions(notice, text);
            }
            case "refused" -> {
                MimeMessage notice = awaitMail();
                assertEquals(List.of(OPERATOR), Mails.recipients(notice));
                assertMentions(notice, text);
            }
            case "ignored" -> {
                // a real file dropped after it is answered first; by then the ignored one has been passed over
                drop("canary.csv", "9990000018\n");
                MimeMessage mail = awaitMail();
                assertTrue(mail.getSubject().contains("canary.csv"), mail.getSubject());
                assertTrue(Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS), "left alone");
                return;
            }
            default -> throw new IllegalArgumentException("Unknown expectation " + expected);
        }
        awaitCleanedUp(input);
        assertEquals(1, MAIL.getReceivedMessages().length, "one email per submission");
    }

    @AfterAll
    static void noInputNumberIsWrittenAnywhere() throws IOException {
        assertTrue(INPUT_NUMBERS.size() >= 8, "the corpus holds NHS numbers (found " + INPUT_NUMBERS.size() + ")");
        assertNoInputNumberIn(RESULT_LOG);
        assertNoInputNumberIn(auditFile());
        try (Stream<Path> files = Files.exists(workDir()) ? Files.walk(workDir()) : Stream.empty()) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoInputNumberIn(file);
            }
        }
    }

    private static void assertNoInputNumberIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Matcher m = TEN_DIGITS.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        long found = m.results().map(r -> r.group()).filter(INPUT_NUMBERS::contains).count();
        assertEquals(0, found, "NHS numbers from the inputs found in " + file.getFileName());
    }

    private static void assertMentions(MimeMessage mail, String text) throws Exception {
        if (!text.isEmpty()) {
            assertTrue(Mails.text(mail).contains(text), Mails.text(mail));
        }
        assertFalse(Mails.text(mail).contains("HYPERLINK"), "input text is never echoed");
    }

    private static Path folderPath(String folder) {
        return switch (folder) {
            case "submitter" -> inbox().resolve(SUBMITTER);
            case "root" -> inbox();
            default -> inbox().resolve(folder.replace("\\r", "\r").replace("\\n", "\n"));
        };
    }

    private static String fileName(String name) {
        return name.startsWith("gen-name:") ? "n".repeat(Integer.parseInt(name.substring(9)) - 4) + ".csv"
                : name.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\e", "\u001b");
    }

    /** Puts the case's file in place the way it would arrive; returns its path. */
    private static Path place(Path folder, String fileName, String content) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        if (content.startsWith("gen:")) {
            return generate(content.substring(4), target);
        }
        byte[] bytes = Files.readAllBytes(CORPUS.resolve(content));
        remember(bytes);
        return atomically(target, out -> out.write(bytes));
    }

    private static Path generate(String generator, Path target) throws IOException {
        switch (generator) {
            case "empty" -> {
                return atomically(target, out -> { });
            }
            case "long-line-200mb" -> {
                byte[] block = "9".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                return atomically(target, out -> {
                    for (int i = 0; i < 200; i++) {
                        out.write(block);
                    }
                });
            }
            case "zip" -> {
                ByteArrayOutputStream zip = new ByteArrayOutputStream();
                try (ZipOutputStream z = new ZipOutputStream(zip)) {
                    z.putNextEntry(new ZipEntry("list.csv"));
                    z.write(Files.readAllBytes(CORPUS.resolve("valid-five.csv")));
                }
                return atomically(target, out -> out.write(zip.toByteArray()));
            }
            case "symlink-outside" -> {
                Path outside = Files.createDirectories(root.resolve("outside"));
                Path secret = Files.writeString(outside.resolve("secret.csv"), "9990000026\n");
                return Files.createSymbolicLink(target, secret);
            }
            case "growing" -> {
                byte[] rows = Files.readAllBytes(CORPUS.resolve("valid-five.csv"));
                remember(rows);
                Files.write(target, new byte[0]);
                // each append well within the 1 s read-lock age, so only the whole file is read
                CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < rows.length; i += 11) {
                        append(target, Arrays.copyOfRange(rows, i, Math.min(rows.length, i + 11)));
                        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    }
                }).join();
                return target;
            }
            case "over-max-bytes" -> {
                Path partial = target.resolveSibling(".upload-" + System.nanoTime() + ".part");
                try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
                    file.setLength(260_000_000L); // sparse: the size is what matters, the content is never read
                }
                return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            case "over-max-rows" -> {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < 1500; i++) {
                    rows.append("9990000018\n");
                }
                return atomically(target, out -> out.write(rows.toString().getBytes(StandardCharsets.US_ASCII)));
            }
            case "unclosed-quote-5mb" -> {
                byte[] rows = "9990000042\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
                return atomically(target, out -> {
                    out.write("nhs_number\n9990000018\n\"9990000026\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 7; i++) {
                        out.write(rows);
                    }
                });
            }
            default -> throw new IllegalArgumentException("Unknown generator " + generator);
        }
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Path atomically(Path target, Content content) throws IOException {
        Path partial = target.resolveSibling(".upload-" + System.nanoTime() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            content.writeTo(out);
        }
        return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void append(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps every ten-digit run of an input (in any of its encodings) for the final scan. */
    private static void remember(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", "").replaceAll("[ -]", "");
        TEN_DIGITS.matcher(text).results().map(r -> r.group()).forEach(INPUT_NUMBERS::add);
    }
}

package org.ndoo.gateway.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.FaultySmtpTestSupport;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.PrivacyEvidence;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the failover tests of two nodes ({@link org.ndoo.gateway.support.TwoNodes}) share: the nodes' settings (this
 * test's inbox, work directory, lookup and mail server; the in-test gateway stopped and pointed elsewhere); mail kept
 * by a {@link FaultySmtpServer} (accepting, unless a test holds it); the files dropped, each with its expected
 * result; the check that every mail is exactly its own file's result; what may stay in the shared work directory; and
 * the line of figures each run appends to {@link #FIGURES} for the release note.
 */
abstract class TwoNodesTestSupport extends FaultySmtpTestSupport {

    /** Where each run's failover time, files, losses and duplicates go, one line a run. */
    static final Path FIGURES = Path.of("target", "cluster-failover.txt");

    /** One dropped file: its submitter, its name, its input, its expected result, its size as the gateway logs it. */
    record Drop(String submitter, String name, Path input, List<String> permitted, long bytes) {
    }

    /** Every file this test dropped, in the order dropped. */
    protected final List<Drop> drops = new CopyOnWriteArrayList<>();

    @Override
    protected final void overrideMail(Properties properties) {
        // the nodes are separate JVMs: the in-test gateway must not take their files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
        overrideNodes(properties);
    }

    /** Changes to the nodes' settings for one test class. */
    protected void overrideNodes(Properties properties) {
    }

    @BeforeEach
    void acceptEveryMail() {
        smtp.mode(FaultySmtpServer.Mode.ACCEPT);
        smtp.accepted().clear();
        smtp.held().clear();
    }

    /** The mails the nodes sent, kept for the privacy scan (headers and text) as the in-process tests' are. */
    @AfterEach
    void keepMailsAsEvidence() {
        smtp.accepted().forEach(raw -> PrivacyEvidence.mail(Mails.parse(raw)));
    }

    /** The settings of every node: the test's, with the shared inbox. */
    protected Map<String, String> nodeSettings() {
        context.stop();
        Map<String, String> settings = processSettings();
        settings.put("gateway.inbox.dir", inbox().toString());
        return settings;
    }

    /** Drops {@code numbers} as {@code name} for {@code submitter}, remembering what its result must be. */
    protected Drop drop(String submitter, String name, List<String> numbers) {
        String content = lines(numbers);
        Path input = drop(submitter, name, content.getBytes(StandardCharsets.US_ASCII));
        Drop d = new Drop(submitter, name, input, SyntheticNhsNumbers.permitted(numbers), content.length());
        drops.add(d);
        return d;
    }

    /** Whether every dropped file's input is gone (deleted by the node that delivered its result). */
    protected boolean everyInputDeleted() {
        return drops.stream().noneMatch(d -> Files.exists(d.input()));
    }

    /** The result mails accepted so far for {@code d}. */
    protected static long mailsFor(Drop d) {
        return smtp.accepted().stream().filter(raw -> subjectOf(Mails.parse(raw)).contains(d.name())).count();
    }

    /** The mails accepted so far, in all. */
    protected static int mails() {
        return smtp.accepted().size();
    }

    /**
     * Fails unless every accepted mail is the result of one dropped file, to that file's submitter, with exactly its
     * permitted numbers.
     */
    protected void assertEveryMailIsItsOwnFilesResult(String run) {
        for (String raw : smtp.accepted()) {
            MimeMessage mail = Mails.parse(raw);
            Drop d = drops.stream().filter(x -> subjectOf(mail).contains(x.name())).findFirst()
                    .orElseThrow(() -> new AssertionError(run + ": unexpected email: " + subjectOf(mail)));
            try {
                assertEquals(d.submitter(), Mails.to(mail), run + ": right recipient for " + d.name());
                assertSameNumbers(d.permitted(), Mails.attachment(mail).numbers());
            } catch (MessagingException | IOException e) {
                throw new AssertionError(run + ": unreadable result for " + d.name(), e);
            }
        }
    }

    /** The reference {@code node} gave {@code d}, from its "received N bytes" line. */
    protected static Optional<String> referenceOf(GatewayProcess node, Drop d) {
        return node.logLines(": received " + d.bytes() + " bytes from").stream().findFirst()
                .map(line -> line.substring(line.indexOf("NDOO-"), line.indexOf(": received")));
    }

    /**
     * Whether the shared work directory holds nothing but the nodes' own things: their folders and locks
     * ({@code nodes/}), their empty uploads folders and the state folder (the MESH wait database, empty of waits).
     */
    protected static boolean onlyTheNodesThingsLeftIn(Path work) {
        Set<String> nodeThings = Set.of(WorkArea.NODES_DIR, WorkArea.UPLOADS_DIR, WorkArea.STATE_DIR);
        try (Stream<Path> entries = Files.list(work)) {
            return entries.allMatch(e -> nodeThings.contains(e.getFileName().toString()))
                    && filesUnder(work.resolve(WorkArea.UPLOADS_DIR)) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code line} to {@link #FIGURES}; never fails the test (the figures are for the note, not a check). */
    protected static void recordFigures(String line) {
        try {
            Files.createDirectories(FIGURES.getParent());
            Files.writeString(FIGURES, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not record the failover figures in " + FIGURES + ": " + e);
        }
    }

    /** The mail's subject, which names the file it answers. */
    protected static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}

package org.ndoo.gateway.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.PropertyInject;
import org.ndoo.gateway.submission.Submission;

/**
 * Sends one chunk of a submission's valid numbers to the national opt-out service as one MESH message: a
 * {@code .dat} body ({@code <number>,} per line), a file name {@code <mailbox>-<ddMMyy>-<monthly sequence>.dat}, and
 * {@code <reference>-<chunk>} as local id and subject (letters, digits and dashes only, no patient data). The MESH
 * message id of each chunk is kept until the wait is opened ({@link #sentMessageIds}), so that a MESH report, which
 * names the message it is about, can be matched.
 */
public final class MeshRequests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyMM");
    private static final Duration SENDING_AT_MOST = Duration.ofMinutes(10);

    private final MeshMailbox mailbox;
    @PropertyInject("gateway.lookup.mesh.recipient")
    private String recipient;
    @PropertyInject("gateway.lookup.mesh.workflow-id")
    private String workflowId;
    @PropertyInject("gateway.lookup.mesh.line-ending")
    private String lineEnding;
    @PropertyInject("gateway.lookup.mesh.sequence-file")
    private String sequenceFile;
    private final Map<String, Map<Integer, String>> sent = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

    /** The numbers of the request file names, month by month ({@code yyMM}). */
    public interface FileSequence {
        /** The next number of {@code month}, from 1. */
        int next(String month);
    }

    private final FileSequence sequence;

    /** Requests numbered by the sequence file (gateway.lookup.mesh.sequence-file), the gateway running alone. */
    public MeshRequests(MeshMailbox mailbox) {
        this(mailbox, null);
    }

    /** Requests numbered by {@code sequence} (clustered: shared by the nodes); null: the sequence file. */
    public MeshRequests(MeshMailbox mailbox, FileSequence sequence) {
        this.mailbox = mailbox;
        this.sequence = sequence == null ? this::nextInFile : sequence;
    }

    /** Sends {@code chunk} (numbers one per line) as chunk {@code index + 1} of {@code submission}. */
    public String send(Submission submission, String chunk, int index) {
        int number = index + 1;
        String localId = MeshWait.localId(submission.getReference(), number);
        // before the POST: MESH may hand out the service's receipt before the POST is answered
        lastSent.put(submission.getReference(), Instant.now());
        String messageId = mailbox.client().send(new OutgoingMessage(recipient.strip(), workflowId.strip(),
                nextFileName(), localId, localId, datBody(chunk)));
        sent.computeIfAbsent(submission.getReference(), r -> new java.util.concurrent.ConcurrentSkipListMap<>()).put(number, messageId);
        return messageId;
    }

    /**
     * Whether {@code reference}'s chunks are being sent by this gateway (its wait not open yet): a reply to one of
     * them is left in the MESH inbox for the next poll. Not after 10 minutes without a send (the sending failed).
     */
    public boolean isSending(String reference) {
        Instant last = reference == null ? null : lastSent.get(reference);
        return last != null && Instant.now().isBefore(last.plus(SENDING_AT_MOST));
    }

    /** The message ids of the chunks sent for {@code reference}, chunk 1 first; forgotten once asked for. */
    public List<String> sentMessageIds(String reference) {
        Map<Integer, String> ids = sent.remove(reference);
        return ids == null ? List.of() : List.copyOf(new TreeMap<>(ids).values());
    }

    /**
     * The submission's wait is stored (await-mesh-replies): from now on its replies go to the wait, not back to the
     * MESH inbox.
     */
    public void doneSending(Submission submission) {
        lastSent.remove(submission.getReference());
    }

    /** The numbers as {@code .dat} lines. */
    private byte[] datBody(String chunk) {
        String end = switch (lineEnding.strip().toUpperCase(Locale.ROOT)) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> throw new IllegalArgumentException("gateway.lookup.mesh.line-ending must be LF or CRLF");
        };
        StringBuilder body = new StringBuilder(chunk.length() + chunk.length() / 10);
        chunk.lines().filter(line -> !line.isEmpty()).forEach(line -> body.append(line).append(',').append(end));
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code <mailbox>-<ddMMyy>-<NNNN>.dat} with a sequence that restarts each month, kept across restarts. */
    String nextFileName() {
        LocalDate today = LocalDate.now();
        return String.format("%s-%s-%04d.dat", mailbox.mailbox(), today.format(DAY),
                sequence.next(today.format(MONTH)));
    }

    /** The month's next number in the sequence file (gateway.lookup.mesh.sequence-file). */
    private synchronized int nextInFile(String month) {
        Path file = Path.of(sequenceFile);
        Properties numbers = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    numbers.load(in);
                }
            }
            int next = Integer.parseInt(numbers.getProperty(month, "0")) + 1;
            numbers.clear();
            numbers.setProperty(month, Integer.toString(next));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newOutputStream(file)) {
                numbers.store(out, "MESH file name sequence per month");
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the MESH file sequence in " + file, e);
        }
    }
}

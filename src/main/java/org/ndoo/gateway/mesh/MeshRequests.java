package org.ndoo.gateway.mesh;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.intake.NumberFileReader;
import org.ndoo.gateway.submission.Submission;

/**
 * Sends a submission's valid numbers to the national opt-out service over MESH, one message per chunk: a
 * {@code .dat} body ({@code <number>,} per line), a file name {@code <mailbox>-<ddMMyy>-<monthly sequence>.dat}, and
 * the local id {@code <reference>-<chunk>} as local id and subject (letters, digits and dashes only, no patient
 * data). The state is saved before the first message goes and after each one, so replies can be matched after a
 * restart.
 */
public final class MeshRequests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyMM");

    private final MeshMailbox mailbox;
    private final String recipient;
    private final String workflowId;
    private final String lineEnding;
    private final int chunkSize;
    private final String maxWait;
    private final Path sequenceFile;

    public MeshRequests(MeshMailbox mailbox, String recipient, String workflowId, String lineEnding, int chunkSize,
            String maxWait, String sequenceFile) {
        this.mailbox = mailbox;
        this.recipient = recipient.strip();
        this.workflowId = workflowId.strip();
        this.lineEnding = switch (lineEnding.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> throw new IllegalArgumentException("gateway.lookup.mesh.line-ending must be LF or CRLF");
        };
        this.chunkSize = chunkSize;
        this.maxWait = maxWait;
        this.sequenceFile = Path.of(sequenceFile);
    }

    /** Sends every chunk and marks the submission as awaiting replies. */
    public void send(Submission submission) {
        long numbers = submission.getCounts().getToCheck();
        int chunks = (int) ((numbers + chunkSize - 1) / chunkSize);
        MeshState state = MeshState.start(submission, chunks, chunkSize,
                Instant.now().plus(TimeUtils.toDuration(maxWait.strip())));
        state.save();
        Path valid = submission.getWorkDir().resolve(NumberFileReader.VALID_NUMBERS);
        try (BufferedReader reader = Files.newBufferedReader(valid, StandardCharsets.US_ASCII)) {
            for (int chunk = 1; chunk <= chunks; chunk++) {
                byte[] body = datBody(reader, chunkSize);
                String localId = state.localId(chunk);
                String messageId = mailbox.client().send(new OutgoingMessage(recipient, workflowId, nextFileName(),
                        localId, localId, body));
                state.sent(chunk, messageId);
                state.save();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the numbers of " + submission.getReference(), e);
        }
        state.allSent();
        state.save();
        submission.setAwaitingReplies(true);
    }

    /** The next {@code count} numbers as {@code .dat} lines. */
    private byte[] datBody(BufferedReader reader, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 12);
        String line;
        for (int i = 0; i < count && (line = reader.readLine()) != null; i++) {
            out.write((line + "," + lineEnding).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** {@code <mailbox>-<ddMMyy>-<NNNN>.dat} with a sequence that restarts each month, kept across restarts. */
    synchronized String nextFileName() {
        LocalDate today = LocalDate.now();
        Properties sequence = new Properties();
        try {
            if (Files.exists(sequenceFile)) {
                try (var in = Files.newInputStream(sequenceFile)) {
                    sequence.load(in);
                }
            }
            String month = today.format(MONTH);
            int next = Integer.parseInt(sequence.getProperty(month, "0")) + 1;
            sequence.clear();
            sequence.setProperty(month, Integer.toString(next));
            Files.createDirectories(sequenceFile.getParent());
            try (var out = Files.newOutputStream(sequenceFile)) {
                sequence.store(out, "MESH file name sequence per month");
            }
            return String.format("%s-%s-%04d.dat", mailbox.mailbox(), today.format(DAY), next);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the MESH file sequence in " + sequenceFile, e);
        }
    }
}

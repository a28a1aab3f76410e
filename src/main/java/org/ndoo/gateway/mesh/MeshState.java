package org.ndoo.gateway.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;

/**
 * What the gateway must remember about a submission while the national service's replies are outstanding, kept in
 * {@code mesh-state.properties} in the submission's work folder so that a restart loses nothing. It holds names,
 * counts, local ids, message ids and progress: never an NHS number. Every change is written to a temporary file and
 * moved into place, so a crash leaves the old state or the new one.
 */
public final class MeshState {

    /** The state file in a submission's work folder. */
    public static final String FILE = WorkArea.WAITING_STATE;

    /** Where a chunk's request stands. */
    public enum ChunkState { PLANNED, SENT, RECEIPT, ANSWERED }

    private final Path workDir;
    private final Properties p;

    private MeshState(Path workDir, Properties p) {
        this.workDir = workDir;
        this.p = p;
    }

    /** A new state for a submission about to be sent in {@code chunks} messages. */
    public static MeshState start(Submission s, int chunks, int chunkSize, Instant deadline) {
        Properties p = new Properties();
        Counts c = s.getCounts();
        p.setProperty("reference", s.getReference());
        p.setProperty("source", s.getSource());
        p.setProperty("origin", s.getOrigin());
        p.setProperty("fileName", s.getFileName());
        p.setProperty("byteSize", Long.toString(s.getByteSize()));
        p.setProperty("submitter", s.getSubmitter());
        p.setProperty("submitterFolder", s.getSubmitterFolder());
        p.setProperty("receivedAt", s.getReceivedAt().toString());
        p.setProperty("rowsRead", Long.toString(c.getRowsRead()));
        p.setProperty("valid", Long.toString(c.getValid()));
        p.setProperty("invalid", Long.toString(c.getInvalid()));
        p.setProperty("duplicates", Long.toString(c.getDuplicates()));
        p.setProperty("spreadsheetDamaged", Long.toString(c.getSpreadsheetDamaged()));
        p.setProperty("firstInvalidLines", c.getFirstInvalidLines().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        if (s.getNumberColumn() != null) {
            p.setProperty("column", Integer.toString(s.getNumberColumn().position()));
            if (s.getNumberColumn().header() != null) {
                p.setProperty("columnHeader", s.getNumberColumn().header());
            }
        }
        p.setProperty("chunks", Integer.toString(chunks));
        p.setProperty("chunkSize", Integer.toString(chunkSize));
        p.setProperty("deadline", deadline.toString());
        for (int i = 1; i <= chunks; i++) {
            p.setProperty("chunk." + i + ".localId", s.getReference() + "-" + i);
            p.setProperty("chunk." + i + ".state", ChunkState.PLANNED.name());
        }
        return new MeshState(s.getWorkDir(), p);
    }

    /** The state saved in {@code workDir}, or {@code null} if there is none. */
    public static MeshState load(Path workDir) {
        Path file = workDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new MeshState(workDir, p);
    }

    /** Writes the state, atomically. */
    public void save() {
        Path file = workDir.resolve(FILE);
        Path temp = workDir.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(WorkArea.privateFile(temp))) {
            p.store(out, "NDOO gateway: MESH progress of one submission (no patient data)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The submission as it was when it was sent, counts included, marked as awaiting replies. */
    public Submission submission() {
        Submission s = Submission.restored(p.getProperty("reference"), p.getProperty("source"),
                p.getProperty("origin"), workDir.resolve(WorkArea.VALID_NUMBERS), p.getProperty("fileName"),
                p.getProperty("submitterFolder"), Long.parseLong(p.getProperty("byteSize")), p.getProperty("submitter"),
                Instant.parse(p.getProperty("receivedAt")), workDir);
        String lines = p.getProperty("firstInvalidLines", "");
        List<Long> invalidLines = lines.isEmpty() ? List.of()
                : Arrays.stream(lines.split(",")).map(Long::valueOf).toList();
        if (p.getProperty("column") != null) {
            s.getCounts().readFrom(new NumberColumn(Integer.parseInt(p.getProperty("column")),
                    p.getProperty("columnHeader")));
        }
        s.getCounts().restore(number("rowsRead"), number("valid"), number("invalid"), number("duplicates"),
                number("spreadsheetDamaged"), invalidLines);
        return s;
    }

    public String reference() {
        return p.getProperty("reference");
    }

    public int chunks() {
        return Integer.parseInt(p.getProperty("chunks"));
    }

    public int chunkSize() {
        return Integer.parseInt(p.getProperty("chunkSize"));
    }

    public Instant deadline() {
        return Instant.parse(p.getProperty("deadline"));
    }

    public String localId(int chunk) {
        return p.getProperty("chunk." + chunk + ".localId");
    }

    public ChunkState chunkState(int chunk) {
        return ChunkState.valueOf(p.getProperty("chunk." + chunk + ".state"));
    }

    /** The chunk whose request had {@code localId}; 0 if none. */
    public int chunkOf(String localId) {
        for (int i = 1; i <= chunks(); i++) {
            if (localId(i).equals(localId)) {
                return i;
            }
        }
        return 0;
    }

    /** The chunk whose request went as MESH message {@code messageId}; 0 if none. */
    public int chunkOfMessage(String messageId) {
        for (int i = 1; i <= chunks(); i++) {
            if (messageId.equals(p.getProperty("chunk." + i + ".messageId"))) {
                return i;
            }
        }
        return 0;
    }

    /** Records that every chunk has gone: from now on only replies are awaited. */
    public void allSent() {
        p.setProperty("allSent", "true");
    }

    /** Whether every chunk has gone; a state without it was interrupted while sending. */
    public boolean isAllSent() {
        return Boolean.parseBoolean(p.getProperty("allSent", "false"));
    }

    public void sent(int chunk, String messageId) {
        p.setProperty("chunk." + chunk + ".messageId", messageId);
        p.setProperty("chunk." + chunk + ".state", ChunkState.SENT.name());
    }

    /** Records a receipt, unless the chunk is already answered. */
    public void receipt(int chunk) {
        if (chunkState(chunk) != ChunkState.ANSWERED) {
            p.setProperty("chunk." + chunk + ".state", ChunkState.RECEIPT.name());
        }
    }

    public void answered(int chunk) {
        p.setProperty("chunk." + chunk + ".state", ChunkState.ANSWERED.name());
    }

    /** Ends the wait with a failure; the first one recorded is kept. */
    public void failed(String reason) {
        p.putIfAbsent("failure", reason);
    }

    /** The failure, if the wait ended in one. */
    public String failure() {
        return p.getProperty("failure");
    }

    public boolean allAnswered() {
        for (int i = 1; i <= chunks(); i++) {
            if (chunkState(i) != ChunkState.ANSWERED) {
                return false;
            }
        }
        return true;
    }

    /** The file holding a chunk's permitted numbers once answered. */
    public Path answerFile(int chunk) {
        return workDir.resolve("chunk-" + chunk + ".permitted");
    }

    private long number(String key) {
        return Long.parseLong(p.getProperty(key, "0"));
    }
}

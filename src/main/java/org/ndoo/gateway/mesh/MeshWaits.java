package org.ndoo.gateway.mesh;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ndoo.gateway.delivery.ResultFile;
import org.ndoo.gateway.lookup.Permitted;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;

/**
 * The two ends of a submission's wait for MESH replies: {@link #open} turns a sent submission into the
 * {@link MeshWait} the aggregation repository keeps, {@link #submission} turns a completed wait back into the
 * submission (the one place that restores one), and {@link #assemble} writes its result file in chunk order.
 */
public final class MeshWaits {

    private final MeshRequests requests;
    private final int chunkSize;
    private final long maxWaitMillis;

    public MeshWaits(MeshRequests requests, int chunkSize, long maxWaitMillis) {
        this.requests = requests;
        this.chunkSize = chunkSize;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** The wait of {@code s}, whose chunks have all gone (their number from its counts and the chunk size). */
    public MeshWait open(Submission s) {
        long numbers = s.getCounts().getToCheck();
        int chunks = (int) ((numbers + chunkSize - 1) / chunkSize);
        List<String> messageIds = requests.sentMessageIds(s.getReference());
        if (messageIds.size() != chunks) {
            throw new IllegalStateException(s.getReference() + ": " + messageIds.size() + " of " + chunks
                    + " MESH requests were sent");
        }
        return open(s, messageIds);
    }

    /** The wait of {@code s}, whose chunks went as the MESH messages {@code messageIds}. */
    MeshWait open(Submission s, List<String> messageIds) {
        Counts c = s.getCounts();
        NumberColumn column = s.getNumberColumn();
        MeshWait.Identity identity = new MeshWait.Identity(s.getReference(), s.getSource(), s.getOrigin(),
                s.getFileName(), s.getSubmitterFolder(), s.getSubmitter(), s.getByteSize(),
                s.getReceivedAt().toEpochMilli());
        MeshWait.Reading read = new MeshWait.Reading(c.getRowsRead(), c.getValid(), c.getInvalid(),
                c.getDuplicates(), c.getSpreadsheetDamaged(), List.copyOf(c.getFirstInvalidLines()),
                column == null ? 0 : column.position(), column == null ? null : column.header());
        return new MeshWait(identity, read, s.getWorkDir().toString(), chunkSize, messageIds,
                Instant.now().toEpochMilli() + maxWaitMillis, Map.of(), null);
    }

    /** The submission as it was when it was sent, counts and the column read included. */
    public Submission submission(MeshWait wait) {
        MeshWait.Identity id = wait.identity();
        Path workDir = Path.of(wait.workDir());
        Submission s = Submission.restored(id.reference(), id.source(), id.origin(),
                workDir.resolve(WorkArea.VALID_NUMBERS), id.fileName(), id.submitterFolder(), id.byteSize(),
                id.submitter(), Instant.ofEpochMilli(id.receivedAtMillis()), workDir);
        MeshWait.Reading r = wait.read();
        if (r.column() > 0) {
            s.getCounts().readFrom(new NumberColumn(r.column(), r.columnHeader()));
        }
        s.getCounts().restore(r.rowsRead(), r.valid(), r.invalid(), r.duplicates(), r.spreadsheetDamaged(),
                r.firstInvalidLines());
        return s;
    }

    /** Writes the response file from the chunks' answers, in chunk order (so in input order), and counts them. */
    public void assemble(MeshWait wait, Submission submission, ResultFile resultFile) {
        resultFile.discard(submission);
        wait.answered().values().forEach(permitted -> resultFile.append(submission, Permitted.of(permitted)));
        submission.getCounts().countAllAnswered();
    }
}

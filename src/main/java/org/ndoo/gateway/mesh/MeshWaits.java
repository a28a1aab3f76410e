package org.ndoo.gateway.mesh;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ndoo.gateway.delivery.ResultFile;
import org.ndoo.gateway.lookup.Permitted;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;

/**
 * The two ends of a submission's wait for MESH replies: {@link #open} turns a sent submission into the
 * {@link MeshWait} the aggregation repository keeps, {@link #submission} and {@link #reading} turn a completed wait
 * back into the submission and its reading (the one place that restores them), and {@link #assemble} writes its
 * result file in chunk order and returns the lookup's answers.
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

    /**
     * The wait of {@code s}, read as {@code reading}, whose chunks have all gone (their number from the reading and
     * the chunk size).
     */
    public MeshWait open(Submission s, Reading reading) {
        long numbers = reading.toCheck();
        int chunks = (int) ((numbers + chunkSize - 1) / chunkSize);
        List<String> messageIds = requests.sentMessageIds(s.getReference());
        if (messageIds.size() != chunks) {
            throw new IllegalStateException(s.getReference() + ": " + messageIds.size() + " of " + chunks
                    + " MESH requests were sent");
        }
        return open(s, reading, messageIds);
    }

    /** The wait of {@code s}, read as {@code reading}, whose chunks went as the MESH messages {@code messageIds}. */
    MeshWait open(Submission s, Reading reading, List<String> messageIds) {
        MeshWait.Identity identity = new MeshWait.Identity(s.getReference(), s.getSource(), s.getOrigin(),
                s.getFileName(), s.getSubmitterFolder(), s.getSubmitter(), s.getByteSize(),
                s.getReceivedAt().toEpochMilli());
        return new MeshWait(identity, MeshWait.Reading.of(reading), s.getWorkDir().toString(), chunkSize, messageIds,
                Instant.now().toEpochMilli() + maxWaitMillis, Map.of(), null);
    }

    /** The submission as it was when it was sent (its reading: {@link #reading}). */
    public Submission submission(MeshWait wait) {
        MeshWait.Identity id = wait.identity();
        Path workDir = Path.of(wait.workDir());
        return Submission.restored(id.reference(), id.source(), id.origin(),
                workDir.resolve(WorkArea.VALID_NUMBERS), id.fileName(), id.submitterFolder(), id.byteSize(),
                id.submitter(), Instant.ofEpochMilli(id.receivedAtMillis()), workDir);
    }

    /** The reading of the submission as it was when it was sent: its counts and the column read. */
    public Reading reading(MeshWait wait) {
        return wait.read().restored();
    }

    /**
     * Writes the response file from the chunks' answers, in chunk order (so in input order); returns the answers:
     * every number to check answered, the permitted numbers of every chunk.
     */
    public Answers assemble(MeshWait wait, Submission submission, ResultFile resultFile) {
        resultFile.discard(submission);
        long permitted = 0;
        for (List<String> chunk : wait.answered().values()) {
            resultFile.append(submission, Permitted.of(chunk));
            permitted += chunk.size();
        }
        return new Answers(wait.answered().size(), reading(wait).toCheck(), permitted);
    }
}

package org.ndoo.gateway.mesh;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ndoo.gateway.nhsnumber.InvalidReason;
import org.ndoo.gateway.submission.NumberColumn;

/**
 * One submission waiting for the national service's replies: what the aggregation repository keeps between the
 * sending and the result (names, counts, the column read, the local id and MESH message id of each chunk, and the
 * permitted numbers of each chunk answered so far), deleted when the wait completes. Strings, numbers and lists only,
 * so that it can be stored and read back by any gateway version that knows this record.
 *
 * @param identity   who and what: reference, source, origin, file name, submitter folder, submitter, size, receipt
 * @param read       the counts of the reading and the column read
 * @param workDir    the submission's work folder (its valid numbers, for reconciling each reply with what was asked)
 * @param messageIds the MESH message id of each chunk's request, chunk 1 first
 * @param answered   the permitted numbers of each chunk answered so far, by chunk number (1-based)
 * @param failure    why the wait ended in a failure (the service rejected it, MESH reported it undeliverable); or null
 */
public record MeshWait(Identity identity, Reading read, String workDir, int chunkSize, List<String> messageIds,
        long deadline, Map<Integer, List<String>> answered, String failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the notice says when the wait ran out (gateway.lookup.mesh.max-wait). */
    public static final String NO_REPLY = "The national opt-out service did not reply within the time the gateway"
            + " waits. The request may have been lost: drop the file again, and tell the gateway operator if it happens"
            + " again.";

    /** A submission's fixed identity, as received. */
    public record Identity(String reference, String source, String origin, String fileName, String submitterFolder,
            String submitter, long byteSize, long receivedAtMillis) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The counts of the reading and the column the numbers were read from (position 0: none recorded), as stored:
     * of the invalid rows' reasons, only the spreadsheet-damaged count is kept (the result mail names no other).
     */
    public record Reading(long rowsRead, long valid, long invalid, long duplicates, long spreadsheetDamaged,
            List<Long> firstInvalidLines, int column, String columnHeader) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The stored form of {@code reading}. */
        static Reading of(org.ndoo.gateway.submission.Reading reading) {
            NumberColumn c = reading.column();
            return new Reading(reading.rowsRead(), reading.valid(), reading.invalid(), reading.duplicates(),
                    reading.spreadsheetDamaged(), List.copyOf(reading.firstInvalidLines()),
                    c == null ? 0 : c.position(), c == null ? null : c.header());
        }

        /** The reading as it was stored. */
        org.ndoo.gateway.submission.Reading restored() {
            Map<InvalidReason, Long> by = spreadsheetDamaged > 0 ? Map.of(InvalidReason.SPREADSHEET, spreadsheetDamaged)
                    : Map.of();
            return new org.ndoo.gateway.submission.Reading(rowsRead, valid, invalid, duplicates, by, firstInvalidLines,
                    column > 0 ? new NumberColumn(column, columnHeader) : null);
        }
    }

    public MeshWait {
        messageIds = List.copyOf(messageIds);
        answered = new TreeMap<>(answered);
    }

    public String reference() {
        return identity.reference();
    }

    /** The number of chunks sent. */
    public int chunks() {
        return messageIds.size();
    }

    /** The local id of {@code chunk}'s request: {@code <reference>-<chunk>}. */
    public static String localId(String reference, int chunk) {
        return reference + "-" + chunk;
    }

    /** The chunk whose request had {@code localId}; 0 if none of this submission. */
    public int chunkOf(String localId) {
        for (int chunk = 1; chunk <= chunks(); chunk++) {
            if (localId(reference(), chunk).equals(localId)) {
                return chunk;
            }
        }
        return 0;
    }

    /** The chunk whose request went as MESH message {@code messageId}; 0 if none. */
    public int chunkOfMessage(String messageId) {
        int index = messageId == null ? -1 : messageIds.indexOf(messageId);
        return index + 1;
    }

    /** This wait with {@code chunk} answered by {@code permitted}. */
    public MeshWait withAnswer(int chunk, List<String> permitted) {
        Map<Integer, List<String>> more = new TreeMap<>(answered);
        more.put(chunk, List.copyOf(permitted));
        return new MeshWait(identity, read, workDir, chunkSize, messageIds, deadline, more, failure);
    }

    /** This wait ended by {@code reason}; the first failure recorded is kept. */
    public MeshWait withFailure(String reason) {
        return failure != null ? this
                : new MeshWait(identity, read, workDir, chunkSize, messageIds, deadline, answered, reason);
    }

    public boolean isAllAnswered() {
        return answered.size() == chunks();
    }

    /** Whether the wait is over: every chunk answered, or a failure. */
    public boolean isComplete() {
        return failure != null || isAllAnswered();
    }

    /**
     * Why the completed wait failed, or null when every chunk was answered: the recorded failure, else (completed
     * with chunks unanswered: by the completion timeout) that no reply came in time.
     */
    public String outcomeFailure() {
        return failure != null ? failure : isAllAnswered() ? null : NO_REPLY;
    }

    /** Milliseconds left until the deadline (at least 1, so that an overdue wait times out at once). */
    public long remainingMillis() {
        return Math.max(1, deadline - Instant.now().toEpochMilli());
    }
}

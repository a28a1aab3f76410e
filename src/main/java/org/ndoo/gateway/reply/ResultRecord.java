package org.ndoo.gateway.reply;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code <base>-result.json}, the machine-readable end of a submission put back on an SFTP server beside its result
 * (or alone, for a failure): what was read, what was checked, what came of it. Counts, line numbers and names
 * only: never an NHS number, not even in a file name ({@link ResultRecords} masks them). The field names are a
 * contract with the systems that poll for it (README, "Results back over SFTP").
 *
 * @param reference  the submission reference, as in every mail and audit record
 * @param source     where it came from: {@code sftp:<name>}
 * @param file       the input file's name
 * @param outcome    {@code delivered}, {@code failed}, {@code refused} or {@code gave-up}
 * @param reason     for a failure, what went wrong and what to do, in plain words; null when delivered
 * @param column     the header and position of the column read; null when no row was read
 * @param counts     the rows and numbers
 * @param receivedAt when the gateway took the file (ISO 8601, UTC)
 * @param finishedAt when the gateway finished it
 * @param resultFile the response file beside this record; null for a failure
 */
@JsonPropertyOrder({"reference", "source", "file", "outcome", "reason", "column", "counts", "receivedAt",
        "finishedAt", "resultFile"})
public record ResultRecord(String reference, String source, String file, String outcome, String reason,
        Column column, Counted counts, String receivedAt, String finishedAt, ResultFile resultFile) {

    /** The column the numbers were read from: its header (null when the file has no header row, empty when it cannot be shown) and 1-based position. */
    @JsonPropertyOrder({"header", "position"})
    public record Column(String header, int position) {
    }

    /** The counts, as in the result mail: {@code invalidLines} holds the first 20 invalid line numbers. */
    @JsonPropertyOrder({"rows", "valid", "invalid", "invalidLines", "duplicates", "checked", "permitted", "withheld"})
    public record Counted(long rows, long valid, long invalid, List<Long> invalidLines, long duplicates, long checked,
            long permitted, long withheld) {
    }

    /** The response file's name and the SHA-256 of its bytes (lower-case hex), for the poller to check it. */
    @JsonPropertyOrder({"name", "sha256"})
    public record ResultFile(String name, String sha256) {
    }
}

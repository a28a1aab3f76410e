package org.ndoo.gateway.submission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ndoo.gateway.nhsnumber.InvalidReason;

/** What a submission held and what became of it: counts and line numbers, never values. */
public final class Counts {

    /** How many invalid line numbers are kept for the report. */
    public static final int INVALID_LINES_REPORTED = 20;

    private long rowsRead;
    private long valid;
    private long invalid;
    private long duplicates;
    private final long[] invalidBy = new long[InvalidReason.values().length];
    private long permitted;
    private int chunks;
    private long answered;
    private final List<Long> firstInvalidLines = new ArrayList<>();
    private NumberColumn numberColumn;

    /** The reading chose {@code column} as the NHS-number column. */
    public void readFrom(NumberColumn column) {
        this.numberColumn = column;
    }

    /** The column the NHS numbers were read from; {@code null} until the file has been read. */
    public NumberColumn getNumberColumn() {
        return numberColumn;
    }

    public void countValid() {
        rowsRead++;
        valid++;
    }

    public void countDuplicate() {
        duplicates++;
    }

    public void countInvalid(long lineNumber, InvalidReason reason) {
        rowsRead++;
        invalid++;
        invalidBy[reason.ordinal()]++;
        if (firstInvalidLines.size() < INVALID_LINES_REPORTED) {
            firstInvalidLines.add(lineNumber);
        }
    }

    /** Restores the counts of the file's reading from saved state. */
    public void restore(long rowsRead, long valid, long invalid, long duplicates, long spreadsheetDamaged,
            List<Long> invalidLines) {
        this.rowsRead = rowsRead;
        this.valid = valid;
        this.invalid = invalid;
        this.duplicates = duplicates;
        java.util.Arrays.fill(invalidBy, 0);
        invalidBy[InvalidReason.SPREADSHEET.ordinal()] = spreadsheetDamaged;
        firstInvalidLines.clear();
        firstInvalidLines.addAll(invalidLines.subList(0, Math.min(invalidLines.size(), INVALID_LINES_REPORTED)));
    }

    public void countChunk(long permittedInChunk) {
        chunks++;
        permitted += permittedInChunk;
    }

    /** Data rows read, not counting blank lines and a header row. */
    public long getRowsRead() {
        return rowsRead;
    }

    /** Rows holding a valid NHS number, duplicates included. */
    public long getValid() {
        return valid;
    }

    public long getInvalid() {
        return invalid;
    }

    /** Valid rows that repeat a number seen earlier in the file. */
    public long getDuplicates() {
        return duplicates;
    }

    /** Invalid rows that look like a spreadsheet changed the number (9.43E+09, 9434765919.0). */
    public long getSpreadsheetDamaged() {
        return invalidBy[InvalidReason.SPREADSHEET.ordinal()];
    }

    /** Invalid rows for one reason (only while the file is read: the other reasons are not kept for MESH). */
    public long invalidFor(InvalidReason reason) {
        return invalidBy[reason.ordinal()];
    }

    /** The reasons found, most rows first (ties in the enum's order); empty if no row was invalid. */
    public List<InvalidReason> invalidReasonsByFrequency() {
        return java.util.Arrays.stream(InvalidReason.values()).filter(r -> invalidFor(r) > 0)
                .sorted(java.util.Comparator.comparingLong((InvalidReason r) -> invalidFor(r)).reversed()).toList();
    }

    /** Distinct valid numbers, to be sent to the lookup. */
    public long getToCheck() {
        return valid - duplicates;
    }

    /**
     * Numbers the lookup answered for: all of {@link #getToCheck()} once the result is complete, fewer (or none)
     * when a submission failed on the way. Never counts a number no lookup answered.
     */
    public long getChecked() {
        return answered;
    }

    /** The lookup answered a chunk of {@code numbers} numbers. */
    public void countAnswered(long numbers) {
        answered += numbers;
    }

    /** Every number to check was answered (the MESH replies, assembled in one go). */
    public void countAllAnswered() {
        answered = getToCheck();
    }

    public long getPermitted() {
        return permitted;
    }

    /**
     * Checked numbers not in the result: opted out, or not confirmed by the lookup; 0 while no chunk was answered
     * (nothing was checked, so nothing was withheld). The one withheld-count rule, for mails, the status page, the
     * metrics and the audit record.
     */
    public long getWithheld() {
        return chunks > 0 ? getChecked() - permitted : 0;
    }

    /** Lookup chunks answered so far. */
    public int getChunks() {
        return chunks;
    }

    public List<Long> getFirstInvalidLines() {
        return Collections.unmodifiableList(firstInvalidLines);
    }

    /** For the log once the file is read: "3 rows, 1 invalid, 1 duplicate, 1 to check". */
    public String readSummary() {
        return Wording.countPlain(rowsRead, "row", "rows") + ", " + invalid + " invalid, "
                + Wording.countPlain(duplicates, "duplicate", "duplicates") + ", " + getToCheck() + " to check";
    }

    /** For the log when the submission ends: "... 1 checked, 1 permitted, 1 chunk answered". */
    public String summary() {
        return Wording.countPlain(rowsRead, "row", "rows") + ", " + invalid + " invalid, "
                + Wording.countPlain(duplicates, "duplicate", "duplicates") + ", " + getChecked() + " checked, "
                + permitted + " permitted, " + Wording.countPlain(chunks, "chunk", "chunks") + " answered";
    }
}

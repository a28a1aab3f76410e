package org.ndoo.gateway.submission;

import java.util.List;

import org.ndoo.gateway.nhsnumber.InvalidReason;

/**
 * What a submission held and what became of it, for the mails, the status page, the metrics, the audit record and
 * the log: the {@link Reading} of its file and the lookup's {@link Answers}, as the route keeps them (exchange
 * properties 'reading' and 'answers'). Counts and line numbers, never values. Immutable: made when reported
 * ({@link #of}), the one home of the withheld-count rule ({@link #getWithheld()}).
 */
public final class Counts {

    /** How many invalid line numbers are kept for the report. */
    public static final int INVALID_LINES_REPORTED = 20;

    private final Reading reading;
    private final Answers answers;

    private Counts(Reading reading, Answers answers) {
        this.reading = reading;
        this.answers = answers;
    }

    /**
     * The counts of a submission read as {@code reading} (null: not read) and answered as {@code answers} (null:
     * no chunk answered).
     */
    public static Counts of(Reading reading, Answers answers) {
        return new Counts(reading == null ? Reading.NONE : reading, answers == null ? Answers.NONE : answers);
    }

    /** The column the NHS numbers were read from; {@code null} when no row was read. */
    public NumberColumn getNumberColumn() {
        return reading.column();
    }

    /** Data rows read, not counting blank lines and a header row. */
    public long getRowsRead() {
        return reading.rowsRead();
    }

    /** Rows holding a valid NHS number, duplicates included. */
    public long getValid() {
        return reading.valid();
    }

    public long getInvalid() {
        return reading.invalid();
    }

    /** Valid rows that repeat a number seen earlier in the file. */
    public long getDuplicates() {
        return reading.duplicates();
    }

    /** Invalid rows that look like a spreadsheet changed the number (9.43E+09, 9434765919.0). */
    public long getSpreadsheetDamaged() {
        return reading.spreadsheetDamaged();
    }

    /** Invalid rows for one reason (only while the file is read: the other reasons are not kept for MESH). */
    public long invalidFor(InvalidReason reason) {
        return reading.invalidFor(reason);
    }

    /** The reasons found, most rows first (ties in the enum's order); empty if no row was invalid. */
    public List<InvalidReason> invalidReasonsByFrequency() {
        return reading.invalidReasonsByFrequency();
    }

    /** Distinct valid numbers, to be sent to the lookup. */
    public long getToCheck() {
        return reading.toCheck();
    }

    /**
     * Numbers the lookup answered for: all of {@link #getToCheck()} once the result is complete, fewer (or none)
     * when a submission failed on the way. Never counts a number no lookup answered.
     */
    public long getChecked() {
        return answers.checked();
    }

    public long getPermitted() {
        return answers.permitted();
    }

    /**
     * Checked numbers not in the result: opted out, or not confirmed by the lookup; 0 while no chunk was answered
     * (nothing was checked, so nothing was withheld). The one withheld-count rule, for mails, the status page, the
     * metrics and the audit record.
     */
    public long getWithheld() {
        return answers.chunks() > 0 ? getChecked() - getPermitted() : 0;
    }

    /** Lookup chunks answered. */
    public int getChunks() {
        return answers.chunks();
    }

    public List<Long> getFirstInvalidLines() {
        return reading.firstInvalidLines();
    }

    /** For the log once the file is read: "3 rows, 1 invalid, 1 duplicate, 1 to check". */
    public String readSummary() {
        return reading.readSummary();
    }

    /** For the log when the submission ends: "... 1 checked, 1 permitted, 1 chunk answered". */
    public String summary() {
        return Wording.countPlain(getRowsRead(), "row", "rows") + ", " + getInvalid() + " invalid, "
                + Wording.countPlain(getDuplicates(), "duplicate", "duplicates") + ", " + getChecked() + " checked, "
                + getPermitted() + " permitted, " + Wording.countPlain(getChunks(), "chunk", "chunks") + " answered";
    }
}

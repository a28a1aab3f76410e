package org.ndoo.gateway.submission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ndoo.gateway.nhsnumber.InvalidReason;

/**
 * What the reading of a submission's file found: rows read, valid, invalid (by reason, and the first
 * {@value Counts#INVALID_LINES_REPORTED} line numbers), duplicates, and the column the numbers were read from. Counts
 * and line numbers only, never a value. Returned by the reader (intake.NumberFileReader, or restored for a MESH
 * submission) and kept by the route in the exchange property 'reading'.
 *
 * @param invalidBy the invalid rows by reason (reasons with none may be left out)
 * @param column    the column the numbers were read from; {@code null} when no row was read
 * @param refusal   why the reading stopped because the file cannot be checked (written for the submitter: not CSV,
 *                  too many rows, a line too long...), the counts being those of the rows before; {@code null} when
 *                  the whole file was read
 */
public record Reading(long rowsRead, long valid, long invalid, long duplicates, Map<InvalidReason, Long> invalidBy,
        List<Long> firstInvalidLines, NumberColumn column, String refusal) {

    /** The reading of a file that held no row (or was not read). */
    public static final Reading NONE = new Reading(0, 0, 0, 0, Map.of(), List.of(), null);

    public Reading {
        invalidBy = Map.copyOf(invalidBy);
        firstInvalidLines = List.copyOf(firstInvalidLines.subList(0,
                Math.min(firstInvalidLines.size(), Counts.INVALID_LINES_REPORTED)));
    }

    /** The reading of a whole file. */
    public Reading(long rowsRead, long valid, long invalid, long duplicates, Map<InvalidReason, Long> invalidBy,
            List<Long> firstInvalidLines, NumberColumn column) {
        this(rowsRead, valid, invalid, duplicates, invalidBy, firstInvalidLines, column, null);
    }

    /** This reading, stopped for {@code why}. */
    public Reading refused(String why) {
        return new Reading(rowsRead, valid, invalid, duplicates, invalidBy, firstInvalidLines, column, why);
    }

    /** Invalid rows for one reason. */
    public long invalidFor(InvalidReason reason) {
        return invalidBy.getOrDefault(reason, 0L);
    }

    /** Invalid rows that look like a spreadsheet changed the number (9.43E+09, 9434765919.0). */
    public long spreadsheetDamaged() {
        return invalidFor(InvalidReason.SPREADSHEET);
    }

    /** The reasons found, most rows first (ties in the enum's order); empty if no row was invalid. */
    public List<InvalidReason> invalidReasonsByFrequency() {
        return Arrays.stream(InvalidReason.values()).filter(r -> invalidFor(r) > 0)
                .sorted(Comparator.comparingLong(this::invalidFor).reversed()).toList();
    }

    /** Distinct valid numbers, to be sent to the lookup. */
    public long toCheck() {
        return valid - duplicates;
    }

    /** For the log once the file is read: "3 rows, 1 invalid, 1 duplicate, 1 to check". */
    public String readSummary() {
        return Wording.countPlain(rowsRead, "row", "rows") + ", " + invalid + " invalid, "
                + Wording.countPlain(duplicates, "duplicate", "duplicates") + ", " + toCheck() + " to check";
    }

    /**
     * The running count of one reading, private to the reader while it reads: plain field increments, no allocation
     * per row; {@link #reading()} returns what it found.
     */
    public static final class Tally {

        private long rowsRead;
        private long valid;
        private long duplicates;
        private final long[] invalidBy = new long[InvalidReason.values().length];
        private long invalid;
        private final List<Long> firstInvalidLines = new ArrayList<>(Counts.INVALID_LINES_REPORTED);
        /** Chosen on the parsing thread, read on the reading thread once parsing is over. */
        private volatile NumberColumn column;

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
            if (firstInvalidLines.size() < Counts.INVALID_LINES_REPORTED) {
                firstInvalidLines.add(lineNumber);
            }
        }

        /** The reading chose {@code chosen} as the NHS-number column. */
        public void readFrom(NumberColumn chosen) {
            this.column = chosen;
        }

        /** What the reading found so far. */
        public Reading reading() {
            Map<InvalidReason, Long> by = new EnumMap<>(InvalidReason.class);
            for (InvalidReason reason : InvalidReason.values()) {
                if (invalidBy[reason.ordinal()] > 0) {
                    by.put(reason, invalidBy[reason.ordinal()]);
                }
            }
            return new Reading(rowsRead, valid, invalid, duplicates, by, firstInvalidLines, column);
        }
    }
}

package org.ndoo.gateway.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.nhsnumber.InvalidReason;

class CountsTest {

    @Test
    void derivesCheckedAndWithheld() {
        Reading.Tally tally = new Reading.Tally();
        for (int i = 0; i < 5; i++) {
            tally.countValid();
        }
        tally.countDuplicate();
        tally.countInvalid(3, InvalidReason.SPREADSHEET);
        tally.countInvalid(9, InvalidReason.WRONG_CHECK_DIGIT);
        Reading reading = tally.reading();
        assertEquals(4, Counts.of(reading, null).getToCheck());
        assertEquals(0, Counts.of(reading, null).getChecked(), "nothing is checked until the lookup answers");
        Counts counts = Counts.of(reading, Answers.NONE.plus(3, 2).plus(1, 1));

        assertEquals(7, counts.getRowsRead());
        assertEquals(5, counts.getValid());
        assertEquals(2, counts.getInvalid());
        assertEquals(1, counts.getSpreadsheetDamaged());
        assertEquals(4, counts.getChecked());
        assertEquals(3, counts.getPermitted());
        assertEquals(1, counts.getWithheld());
        assertEquals(2, counts.getChunks());
        assertEquals(List.of(3L, 9L), counts.getFirstInvalidLines());
    }

    @Test
    void nothingIsWithheldWhileNoChunkWasAnswered() {
        Reading.Tally tally = new Reading.Tally();
        for (int i = 0; i < 18; i++) {
            tally.countValid();
        }

        Counts failed = Counts.of(tally.reading(), null);

        assertEquals(18, failed.getToCheck());
        assertEquals(0, failed.getChecked());
        assertEquals(0, failed.getWithheld(), "nothing was checked, so nothing was withheld");
        assertEquals(0, Counts.of(null, null).getWithheld(), "not even read");
        assertEquals(0, Counts.of(null, null).getRowsRead());
    }

    @Test
    void aReadingDoesNotChangeWhenItsTallyCountsOn() {
        Reading.Tally tally = new Reading.Tally();
        tally.countInvalid(2, InvalidReason.NOT_TEN_DIGITS);
        Reading before = tally.reading();

        tally.countValid();
        tally.countInvalid(5, InvalidReason.NOT_TEN_DIGITS);

        assertEquals(1, before.rowsRead());
        assertEquals(1, before.invalidFor(InvalidReason.NOT_TEN_DIGITS));
        assertEquals(List.of(2L), before.firstInvalidLines());
        assertEquals(2, tally.reading().invalidFor(InvalidReason.NOT_TEN_DIGITS));
    }

    @Test
    void keepsOnlyTheFirstInvalidLineNumbers() {
        Reading.Tally tally = new Reading.Tally();
        for (long line = 1; line <= 25; line++) {
            tally.countInvalid(line, InvalidReason.NOT_TEN_DIGITS);
        }
        Counts counts = Counts.of(tally.reading(), null);

        assertEquals(25, counts.getInvalid());
        assertEquals(Counts.INVALID_LINES_REPORTED, counts.getFirstInvalidLines().size());
        assertEquals(20L, counts.getFirstInvalidLines().get(19));
        assertThrows(UnsupportedOperationException.class, () -> counts.getFirstInvalidLines().add(99L));
    }
}

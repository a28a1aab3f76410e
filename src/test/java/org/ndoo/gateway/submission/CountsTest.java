package org.ndoo.gateway.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.nhsnumber.InvalidReason;

class CountsTest {

    @Test
    void derivesCheckedAndWithheld() {
        Counts counts = new Counts();
        for (int i = 0; i < 5; i++) {
            counts.countValid();
        }
        counts.countDuplicate();
        counts.countInvalid(3, InvalidReason.SPREADSHEET);
        counts.countInvalid(9, InvalidReason.WRONG_CHECK_DIGIT);
        assertEquals(4, counts.getToCheck());
        assertEquals(0, counts.getChecked(), "nothing is checked until the lookup answers");
        counts.countChunk(2);
        counts.countAnswered(3);
        counts.countChunk(1);
        counts.countAnswered(1);

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
    void keepsOnlyTheFirstInvalidLineNumbers() {
        Counts counts = new Counts();
        for (long line = 1; line <= 25; line++) {
            counts.countInvalid(line, InvalidReason.NOT_TEN_DIGITS);
        }

        assertEquals(25, counts.getInvalid());
        assertEquals(Counts.INVALID_LINES_REPORTED, counts.getFirstInvalidLines().size());
        assertEquals(20L, counts.getFirstInvalidLines().get(19));
        assertThrows(UnsupportedOperationException.class, () -> counts.getFirstInvalidLines().add(99L));
    }
}

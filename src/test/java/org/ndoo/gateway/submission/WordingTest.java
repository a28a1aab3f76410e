package org.ndoo.gateway.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void countsTakeTheSingularForOneOnly() {
        assertEquals("0 rows", Wording.count(0, "row"));
        assertEquals("1 row", Wording.count(1, "row"));
        assertEquals("2 duplicates", Wording.count(2, "duplicate"));
        assertEquals("1,234,567 rows", Wording.count(1_234_567, "row"));
        assertEquals("1 number is", Wording.count(1, "number is", "numbers are"));
        assertEquals("3 numbers are", Wording.count(3, "number is", "numbers are"));
        assertEquals("looks", Wording.verb(1, "looks", "look"));
        assertEquals("look", Wording.verb(2, "looks", "look"));
    }

    @Test
    void bytesCarryTheirUnit() {
        assertEquals("1 byte", Wording.bytes(1));
        assertEquals("999 bytes", Wording.bytes(999));
        assertEquals("1.0 KB", Wording.bytes(1000));
        assertEquals("5.0 MB", Wording.bytes(5_000_000));
        assertEquals("1.0 MB", Wording.bytes(999_999));
        assertEquals("12.3 GB", Wording.bytes(12_345_678_901L));
    }

    @Test
    void listsAndSentencesAreProse() {
        assertEquals("", Wording.list(List.of()));
        assertEquals("a", Wording.list(List.of("a")));
        assertEquals("a and b", Wording.list(List.of("a", "b")));
        assertEquals("a, b and c", Wording.list(List.of("a", "b", "c")));
        assertEquals("Done.", Wording.sentence("Done"));
        assertEquals("Done.", Wording.sentence("Done."));
        assertEquals("Lines 1, 2, ...", Wording.sentence("Lines 1, 2, ..."));
    }
}

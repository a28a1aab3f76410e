package org.ndoo.gateway.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypedNumbersTest {

    @Test
    void separatorsAndSpacedNumbers() {
        assertEquals(List.of("9990001006", "9990001014", "9990001022", "9990001030", "9990001049"),
                TypedNumbers.entries("999 000 1006\r\n9990001014, 9990001022;9990001030\t 9990001049\n\n"));
    }

    @Test
    void spacesSeparateNumbersThatAreWholeAlready() {
        assertEquals(List.of("9990001006", "9990001014"), TypedNumbers.entries("9990001006 9990001014"));
        assertEquals(List.of("9990001006", "9990001014"), TypedNumbers.entries("999 000 1006 999 000 1014"));
        assertEquals(List.of("9990001006", "9990001014"), TypedNumbers.entries("9990 001 006 9990001014"));
    }

    @Test
    void whatIsNotTenDigitsIsItsOwnEntry() {
        assertEquals(List.of("999", "123", "456"), TypedNumbers.entries("999 123 456"));
        assertEquals(List.of("99900010061"), TypedNumbers.entries("99900010061"));
        assertEquals(List.of("999", "000", "x1006"), TypedNumbers.entries("999 000 x1006"));
        assertEquals(List.of(), TypedNumbers.entries("  \n ,; "));
    }
}

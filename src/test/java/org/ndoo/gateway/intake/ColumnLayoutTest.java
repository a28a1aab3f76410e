package org.ndoo.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"nhs_number", "NHS Number", "NHSNumber", "NHS No", "nhs-no", "NHS No.", "nhs", "nhs_num",
            "Patient NHS Number", "NHS_NUMBER_NEW"})
    void recognisesNhsNumberHeaders(String cell) {
        assertTrue(ColumnLayout.isNhsNumberHeader(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "number", "patient_id", "nhs trust", "9990000018", ""})
    void doesNotTakeOtherCellsForTheNhsNumberHeader(String cell) {
        assertFalse(ColumnLayout.isNhsNumberHeader(cell));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name,dob,NHS Number | 2 | true",
            "NHS No,name         | 0 | true",
            "patient,name        | 0 | true",
            "9990000018,Smith    | 0 | false",
            "9.99E+09,Smith      | 0 | false",
            ",9990000018        | 0 | false"})
    void decidesTheLayoutFromTheFirstRow(String firstRow, int column, boolean header) throws IOException {
        assertEquals(new ColumnLayout(column, header), ColumnLayout.of(record(firstRow)));
    }

    @Test
    void aShortRowHasAnEmptyNumber() throws IOException {
        ColumnLayout layout = new ColumnLayout(2, true);

        assertEquals("", layout.numberIn(record("Smith,x")));
        assertEquals("9990000018", layout.numberIn(record("Smith,x,9990000018")));
    }

    private static CSVRecord record(String line) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(line)).iterator().next();
    }
}

package org.ndoo.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.SubmissionRejected;

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
            ",9990000018        | 1 | false"})
    void decidesTheLayoutFromTheFirstRow(String firstRow, int column, boolean header) throws IOException {
        ColumnLayout layout = ColumnLayout.of(record(firstRow));
        assertEquals(column, layout.column());
        assertEquals(header, layout.firstRowIsHeader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NHS_No (GP)", "MotherNHSNumber", "Mother NHS Number", "NHS\u00A0Number", "nhs #"})
    void recognisesQualifiedNhsNumberHeaders(String cell) {
        assertTrue(ColumnLayout.isNhsNumberHeader(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NHS Notes", "NHS Trust", "Patient NHS", "nhsregion"})
    void doesNotTakeOtherNhsHeadersForTheNhsNumber(String cell) {
        assertFalse(ColumnLayout.isNhsNumberHeader(cell));
    }

    @Test
    void amongSeveralCandidatesTheExactlyNamedColumnIsRead() throws IOException {
        ColumnLayout layout = ColumnLayout.of(record("Mother NHS Number,NHS_No (GP),NHS Number,name"));

        assertEquals(2, layout.column());
        assertEquals(new NumberColumn(3, "NHS Number"), layout.numberColumn());
    }

    @Test
    void severalCandidatesWithoutAnExactNameAreRefusedNamingThem() throws IOException {
        SubmissionRejected e = assertThrows(SubmissionRejected.class,
                () -> ColumnLayout.of(record("Mother NHS Number,name,NHS_No (GP)")));

        assertTrue(e.getMessage().contains("2 columns that could hold the NHS number: \"Mother NHS Number\" (column 1)"
                + " and \"NHS_No (GP)\" (column 3)."), e.getMessage());
        assertTrue(e.getMessage().contains("Leave only the column to check"), e.getMessage());
    }

    @Test
    void twoExactlyNamedColumnsAreRefused() throws IOException {
        SubmissionRejected e = assertThrows(SubmissionRejected.class,
                () -> ColumnLayout.of(record("nhs_number,NHS Number")));

        assertTrue(e.getMessage().contains("2 of them are headed exactly as an NHS number"), e.getMessage());
    }

    @Test
    void numbersInSeveralColumnsOfAHeaderlessFileAreRefused() throws IOException {
        SubmissionRejected e = assertThrows(SubmissionRejected.class,
                () -> ColumnLayout.of(record("x,9990000018,9990000026")));

        assertTrue(e.getMessage().contains("no header row and its first row holds NHS numbers in 2 columns"
                + " (columns 2 and 3)"), e.getMessage());
        assertFalse(e.getMessage().contains("9990000018"), e.getMessage());
    }

    @Test
    void aHeaderThatIsMoreThanANameIsNotShown() throws IOException {
        ColumnLayout layout = ColumnLayout.of(record("id,\"=HYPERLINK(\"\"http://x\"\",\"\"NHS Number\"\")\""));

        assertEquals(1, layout.column());
        assertEquals("", layout.header());
        assertEquals("column 2 (its header is not shown: it holds more than a plain name)",
                layout.numberColumn().describe());
    }

    @Test
    void aFileWithoutHeaderSaysSo() throws IOException {
        assertEquals("column 1, no header row", ColumnLayout.of(record("9990000018,Smith")).numberColumn().describe());
    }

    private static List<String> record(String line) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(line)).iterator().next().toList();
    }
}

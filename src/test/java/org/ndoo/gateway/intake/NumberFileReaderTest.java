package org.ndoo.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.WorkArea;

class NumberFileReaderTest {

    private static final String A = SyntheticNhsNumbers.withCheckDigit("999000001"); // 9990000018
    private static final String B = SyntheticNhsNumbers.withCheckDigit("999000002"); // 9990000026
    private static final String C = SyntheticNhsNumbers.withCheckDigit("999000003"); // 9990000034


    @Test
    void blankLinesBeforeTheHeaderDoNotDecideTheDelimiter() throws IOException {
        Submission submission = submission("list.csv", "\t\t\nnhs_number,name\n" + A + ",x\n" + B + ",y\n");

        assertEquals(List.of(A, B), read(submission));
    }

    @Test
    void invalidLineNumbersCountPhysicalLinesAfterAMultiLineField() throws IOException {
        Submission submission = submission("list.csv", "nhs_number,note\n" + A + ",\"two\nlines\"\n12345,x\n");

        read(submission);
        assertEquals(List.of(4L), counts(submission).getFirstInvalidLines());
    }

    @Test
    void aFirstRowHoldingANumberIsDataEvenIfAnotherCellLooksLikeAHeader() throws IOException {
        Submission submission = submission("list.csv", A + ",NHS\n" + B + ",NHS\n");

        assertEquals(List.of(A, B), read(submission));
    }

    @TempDir
    Path tempDir;

    private int files;

    @ParameterizedTest
    @ValueSource(strings = {"nhs_number", "NHS Number", "NHSNumber", "NHS No", "nhs-no"})
    void findsTheNumberColumnByItsHeaderInAnyColumn(String header) throws IOException {
        for (int column = 0; column < 3; column++) {
            String[] headers = {"name", "dob", "note"};
            headers[column] = header;
            String rows = String.join(",", headers) + "\n" + row(column, A) + row(column, B);

            Submission submission = submission("list.csv", rows);

            assertEquals(List.of(A, B), read(submission), header + " in column " + column);
            assertEquals(2, counts(submission).getRowsRead(), "the header row is not counted");
            assertEquals(0, counts(submission).getInvalid());
        }
    }

    @Test
    void readsTheFirstColumnWhenThereIsNoHeader() throws IOException {
        Submission submission = submission("list.csv", A + ",Smith,12\n" + B + ",Jones,34\n");

        assertEquals(List.of(A, B), read(submission));
        assertEquals(2, counts(submission).getRowsRead());
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "\t", ";"})
    void sniffsTheDelimiterFromTheFirstLine(String delimiter) throws IOException {
        // the name cell holds one of the other delimiters, so a wrong guess misplaces the number
        String name = delimiter.equals(",") ? "Smith; J" : "Smith, J";
        String content = String.join(delimiter, "name", "nhs_number", "note") + "\n"
                + String.join(delimiter, name, A, "x") + "\n"
                + String.join(delimiter, name, B, "y") + "\n";

        Submission submission = submission("list.csv", content);

        assertEquals(List.of(A, B), read(submission));
        assertEquals(0, counts(submission).getInvalid());
    }

    @Test
    void readsQuotedFieldsWithEmbeddedDelimiters() throws IOException {
        String content = "name,nhs_number,address\n"
                + "\"Smith, John\",\"" + spaced(A) + "\",\"1 High St, Leeds\"\n"
                + "\"Jones; Ann\"," + B + ",\"2 Low Rd\tYork\"\n";

        Submission submission = submission("list.csv", content);

        assertEquals(List.of(A, B), read(submission));
        assertEquals(0, counts(submission).getInvalid());
    }

    @Test
    void dropsAUtf8ByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Submission submission = submission("list.csv", concat(bom, (A + "\n" + B + "\n").getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(A, B), read(submission));
        assertEquals(0, counts(submission).getInvalid(), "the first number must not carry the BOM");
    }

    @Test
    void readsUtf16LittleEndianWithByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        String content = "nhs_number,name\r\n" + A + ",Smith\r\n" + B + ",Jones\r\n";
        Submission submission = submission("list.csv", concat(bom, content.getBytes(StandardCharsets.UTF_16LE)));

        assertEquals(List.of(A, B), read(submission));
        assertEquals(2, counts(submission).getRowsRead());
        assertEquals(0, counts(submission).getInvalid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\r\n", "\n"})
    void acceptsAnyLineEnding(String eol) throws IOException {
        Submission submission = submission("list.txt", "nhs_number" + eol + A + eol + B + eol + C + eol);

        assertEquals(List.of(A, B, C), read(submission));
        assertEquals(3, counts(submission).getRowsRead());
        assertEquals(0, counts(submission).getInvalid());
    }

    @Test
    void skipsBlankLinesWithoutCountingThemButKeepsLineNumbers() throws IOException {
        // lines:              1       2     3       4     5        6      7      8
        String content = "\n" + A + "\n" + "   \n" + ",\n" + B + "\n" + "\n" + "12345\n" + "\n";
        Submission submission = submission("list.csv", content);

        assertEquals(List.of(A, B), read(submission));
        Counts counts = counts(submission);
        assertEquals(3, counts.getRowsRead());
        assertEquals(1, counts.getInvalid());
        assertEquals(List.of(7L), counts.getFirstInvalidLines());
    }

    @Test
    void removesDuplicatesKeepingFirstSeenOrder() throws IOException {
        String content = C + "\n" + A + "\n" + C + "\n" + B + "\n" + spaced(A) + "\n" + A + "\n";
        Submission submission = submission("list.txt", content);

        assertEquals(List.of(C, A, B), read(submission));
        Counts counts = counts(submission);
        assertEquals(6, counts.getValid());
        assertEquals(3, counts.getDuplicates());
        assertEquals(3, counts.getToCheck());
    }

    @Test
    void reportsOnlyTheFirstTwentyInvalidLineNumbers() throws IOException {
        StringBuilder content = new StringBuilder("nhs_number\n");
        for (int i = 0; i < 25; i++) {
            content.append("12345\n");                                 // lines 2..26
        }
        content.append(A).append('\n');                                // line 27
        Submission submission = submission("list.csv", content.toString());

        assertEquals(List.of(A), read(submission));
        Counts counts = counts(submission);
        assertEquals(25, counts.getInvalid());
        assertEquals(26, counts.getRowsRead());
        assertEquals(LongStream.rangeClosed(2, 21).boxed().collect(Collectors.toList()), counts.getFirstInvalidLines());
    }

    @Test
    void countsSpreadsheetDamage() throws IOException {
        String content = "nhs_number\n9.99E+09\n" + B + ".0\n" + A + "\n12345\n";
        Submission submission = submission("list.csv", content);

        assertEquals(List.of(A), read(submission));
        Counts counts = counts(submission);
        assertEquals(3, counts.getInvalid());
        assertEquals(2, counts.getSpreadsheetDamaged());
        assertEquals(List.of(2L, 3L, 5L), counts.getFirstInvalidLines());
    }

    @Test
    void aFileWithoutValidNumbersIsRejectedWithoutQuotingIt() throws IOException {
        String wrongCheck = A.substring(0, 9) + "9";
        String[] values = {"9.99E+09", wrongCheck, spaced(wrongCheck), "99900000", B + ".0"};
        Submission submission = submission("list.csv", "nhs_number\n" + String.join("\n", values) + "\n");

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> read(submission));

        assertTrue(e.getMessage().contains("None of the 5 rows holds a valid NHS number"), e.getMessage());
        assertTrue(e.getMessage().contains("2 look changed by a spreadsheet"), e.getMessage());
        assertNoValueQuoted(e.getMessage(), values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "nhs_number\n", "NHS Number,name\r\n\r\n"})
    void anEmptyOrHeaderOnlyFileIsRejected(String content) throws IOException {
        Submission submission = submission("list.csv", content);

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> read(submission));

        assertTrue(e.getMessage().contains("empty or has only a header row"), e.getMessage());
    }

    @Test
    void windows1252NoBreakSpacesCountAsSpaces() throws IOException {
        // Excel on Windows saves "CSV" as ANSI: a no-break space is the single byte A0, not valid UTF-8
        String content = "Num\u00E9ro NHS\r\n\u00A0" + spaced(A).replace(' ', '\u00A0') + "\r\n" + B + "\u00A0\r\n";
        Submission submission = submission("list.csv", content.getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertEquals(List.of(A, B), read(submission));
        assertEquals(0, counts(submission).getInvalid());
        assertEquals("column 1, \"Num\u00E9ro NHS\"", counts(submission).getNumberColumn().describe());
    }

    @Test
    void aQuoteNeverClosedIsRefusedWithTheLineItOpensOn() throws IOException {
        String content = "nhs_number\n" + A + "\n\"" + B + "\n" + (C + "\n").repeat(5000);
        Submission submission = submission("list.csv", content);

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> read(submission));

        assertTrue(e.getMessage().contains("cannot be read as CSV from line 3: a quoted field starting there"),
                e.getMessage());
    }

    @Test
    void aQuoteNeverClosedWithinTheLimitIsRefusedWithItsLine() throws IOException {
        Submission submission = submission("list.csv", "nhs_number\n" + A + "\n\"" + B + "\n" + C + "\n");

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> read(submission));

        assertTrue(e.getMessage().contains("cannot be read as CSV from line 3 (a quoted field is never closed"),
                e.getMessage());
        assertNoValueQuoted(e.getMessage(), A, B, C);
    }

    @Test
    void malformedCsvIsRejectedWithoutQuotingIt() throws IOException {
        String broken = "\"" + B + "\"junk";
        Submission submission = submission("list.csv", A + "\n" + broken + "\n" + C + "\n");

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> read(submission));

        assertTrue(e.getMessage().contains("cannot be read as CSV from line 2"), e.getMessage());
        assertNoValueQuoted(e.getMessage(), A, B, C, "junk");
    }

    private static void assertNoValueQuoted(String message, String... values) {
        for (String value : values) {
            assertFalse(message.contains(value), () -> "message quotes '" + value + "': " + message);
        }
    }

    private static String row(int column, String number) {
        String[] cells = {"Smith", "2000-01-01", "x"};
        cells[column] = number;
        return String.join(",", cells) + "\n";
    }

    private Submission submission(String name, String content) throws IOException {
        return submission(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Submission submission(String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(tempDir.resolve("in" + ++files).resolve("a@nhs.net"));
        Path input = Files.write(folder.resolve(name), content);
        Submission submission = new Submission("NDOO-20250101-120000-TEST" + files, "shared-folder", input,
                "a@nhs.net", content.length);
        return submission.inWorkFolder(Files.createDirectories(tempDir.resolve("work" + files)));
    }

    private final java.util.Map<Submission, Reading> readings = new java.util.HashMap<>();

    private List<String> read(Submission submission) throws IOException {
        NumberFileReader reader = new NumberFileReader();
        readings.put(submission, reader.read(submission));
        reader.requireValidNumbers(readings.get(submission));
        return Files.readAllLines(WorkArea.validNumbers(submission), StandardCharsets.US_ASCII);
    }

    private Counts counts(Submission submission) {
        return Counts.of(readings.get(submission), null);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private static String spaced(String number) {
        return number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
    }

}

package org.ndoo.gateway.nhsnumber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumbersTest {

    /** The valid column of /work/shared/reference/nhs-number.md. */
    @ParameterizedTest
    @CsvSource({
            "9434765919,   9434765919",
            "943 476 5919, 9434765919",
            "943-476-5919, 9434765919",
            "9000000009,   9000000009",
            "4010232137,   4010232137",
            "9111231114,   9111231114",
            "9876543210,   9876543210",
            "4505577104,   4505577104",
            "9990000018,   9990000018",
            "9990000026,   9990000026",
            "9990000034,   9990000034",
            "9990000107,   9990000107"})
    void acceptsThePublishedValidNumbers(String raw, String expected) {
        assertEquals(expected, NhsNumbers.normalise(raw));
    }

    /** The invalid column of /work/shared/reference/nhs-number.md. */
    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9876544321", "9990000000", "9991234560", "9990000019", "1234567890",
            "123456789", "9000543664", "9111111124", "94347659190", "943476591X"})
    void rejectsThePublishedInvalidNumbers(String raw) {
        assertNull(NhsNumbers.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "--", "9434765919.0", "+9434765919", "943 476 591 9 9", "９４３４７６５９１９"})
    void rejectsAnythingButTenDigitsWithSpacesAndDashes(String raw) {
        assertNull(NhsNumbers.normalise(raw));
    }

    @Test
    void rejectsNull() {
        assertNull(NhsNumbers.normalise(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "5555555555", "9999999999"})
    void rejectsOneRepeatedDigitAlthoughTheChecksumPasses(String filler) {
        assertTrue(NhsNumbers.hasValidCheckDigit(filler.toCharArray()), "the checksum alone accepts " + filler);
        assertNull(NhsNumbers.normalise(filler));
    }

    @Test
    void agreesWithAnIndependentCheckDigitOverTheSyntheticRange() {
        int checked = 0;
        for (int prefix = 999_000_000; prefix < 999_002_000; prefix++) {
            String nine = Integer.toString(prefix);
            Integer check = checkDigit(nine);
            for (int last = 0; last <= 9; last++) {
                String number = nine + last;
                boolean valid = check != null && check == last;
                assertEquals(valid ? number : null, NhsNumbers.normalise(number), number);
                checked += valid ? 1 : 0;
            }
        }
        assertTrue(checked > 1700, "about 91% of prefixes have a valid number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.43E+09", "9.99e9", "9434765919.0", " 9.43E+09 ", "9.43E09"})
    void spotsSpreadsheetDamage(String raw) {
        assertTrue(NhsNumbers.looksLikeSpreadsheetDamage(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "abc", "1.5", "", "E+09", ".0", "9.43E+", "NHS Number"})
    void doesNotCallOtherValuesSpreadsheetDamage(String raw) {
        assertFalse(NhsNumbers.looksLikeSpreadsheetDamage(raw));
    }

    @Test
    void prefixIsTheFirstNineDigits() {
        assertEquals(999_000_001, NhsNumbers.prefix("9990000018"));
        assertEquals(999_000_001, NhsNumbers.prefix("x,9990000018\n", 2));
    }

    /** The in-place check used on lookup answers: ten characters read where they are, in a longer text. */
    @Test
    void checksTenCharactersInPlace() {
        String text = "9990000018\n9990000019\n999000001X\n0000000000\n99900";

        assertTrue(NhsNumbers.isValid(text, 0));
        assertFalse(NhsNumbers.isValid(text, 11), "wrong check digit");
        assertFalse(NhsNumbers.isValid(text, 22), "not a digit");
        assertFalse(NhsNumbers.isValid(text, 33), "one repeated digit");
        assertFalse(NhsNumbers.isValid(text, 44), "runs off the end of the text");
    }

    @Test
    void aTenCharacterCellIsReturnedAsItIs() {
        String cell = "9990000018";

        assertTrue(cell == NhsNumbers.normalise(cell), "no copy for the common case");
        assertNull(NhsNumbers.normalise("9990000019"));
    }

    /** Weights 10..2 over the nine digits; 11 becomes 0; 10 means no valid number ({@code null}). */
    private static Integer checkDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? null : check;
    }
    /** No-break, narrow no-break, figure and thin spaces, zero-width space/joiner/non-joiner, word joiner, BOM, marks. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u202F", "\u2007", "\u2009", "\u200B", "\u200C", "\u200D", "\u2060",
            "\uFEFF", "\u200E", "\u00AD", "\t"})
    void invisibleCharactersAroundAndInsideANumberAreSpaces(String invisible) {
        assertEquals("9990000018", NhsNumbers.normalise(invisible + "9990000018" + invisible));
        assertEquals("9990000018", NhsNumbers.normalise("999" + invisible + "000" + invisible + "0018"));
        assertTrue(NhsNumbers.isBlank(invisible + " " + invisible));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.000.0018", "999/000/0018", "999\u2013000\u20130018", "999_0000018", "99900000l8"})
    void visibleCharactersStillMakeANumberInvalid(String raw) {
        assertNull(NhsNumbers.normalise(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "9990000019      | WRONG_CHECK_DIGIT",
            "999 000 0019    | WRONG_CHECK_DIGIT",
            "12345           | NOT_TEN_DIGITS",
            "99900000180     | NOT_TEN_DIGITS",
            "not a number    | LETTERS",
            "999000001O      | LETTERS",
            "999/000/0018    | OTHER_CHARACTERS",
            "9.99E+09        | SPREADSHEET",
            "9999999999      | REPEATED_DIGIT",
            "'\u00A0'        | EMPTY"})
    void saysWhyANumberIsInvalid(String raw, InvalidReason reason) {
        assertNull(NhsNumbers.normalise(raw));
        assertEquals(reason, NhsNumbers.whyInvalid(raw));
    }
}

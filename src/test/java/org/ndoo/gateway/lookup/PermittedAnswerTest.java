package org.ndoo.gateway.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermittedAnswerTest {

    private static final String A = SyntheticNhsNumbers.withCheckDigit("999000001"); // 9990000018
    private static final String B = SyntheticNhsNumbers.withCheckDigit("999000002");
    private static final String C = SyntheticNhsNumbers.withCheckDigit("999000003");
    private static final String D = SyntheticNhsNumbers.withCheckDigit("999000004");
    private static final String REQUEST = String.join("\n", C, A, B) + "\n";

    private final PermittedAnswer permittedAnswer = new PermittedAnswer();

    @Test
    void keepsRequestOrderWhateverTheAnswerOrder() {
        assertEquals(List.of(C, A, B), permittedAnswer.reconcile(REQUEST, A + "\n" + B + "\n" + C + "\n").numbers());
        assertEquals(List.of(C, A, B), permittedAnswer.reconcile(REQUEST, B + "\n" + C + "\n" + A).numbers());
    }

    @Test
    void toleratesCrlfTrailingCommasAndBlankLines() {
        String answer = "\r\n" + B + ",\r\n\r\n  " + C + " , \r\n" + A + ",\n\n";

        assertEquals(List.of(C, A, B), permittedAnswer.reconcile(REQUEST, answer).numbers());
    }

    @Test
    void withholdsANumberMissingFromTheAnswer() {
        assertEquals(List.of(C, B), permittedAnswer.reconcile(REQUEST, B + "\n" + C + "\n").numbers());
        assertEquals(List.of(), permittedAnswer.reconcile(REQUEST, "").numbers());
        assertEquals(List.of(), permittedAnswer.reconcile(REQUEST, null).numbers());
    }

    /** Answers in request order take the fast path (one walk, no hashing); gaps and repeats must still work. */
    @Test
    void anAnswerInRequestOrderWithGapsAndRepeats() {
        assertEquals(List.of(C, B), permittedAnswer.reconcile(REQUEST, C + "\n" + B + "\n").numbers());
        assertEquals(List.of(A), permittedAnswer.reconcile(REQUEST, A + ",\r\n").numbers());
        assertEquals(List.of(C, A), permittedAnswer.reconcile(REQUEST, C + "\n" + C + "\n" + A + "\n").numbers());
    }

    @Test
    void aNumberNotAskedAboutAfterInOrderLinesIsAProtocolError() {
        LookupProtocolError e = assertThrows(LookupProtocolError.class,
                () -> permittedAnswer.reconcile(REQUEST, C + "\n" + A + "\n" + D + "\n"));

        assertTrue(e.getMessage().contains("line 3 of its answer is a number that was not asked about"), e.getMessage());
    }

    @Test
    void aNumberThatWasNotAskedAboutIsAProtocolError() {
        LookupProtocolError e = assertThrows(LookupProtocolError.class,
                () -> permittedAnswer.reconcile(REQUEST, A + "\n" + D + "\n"));

        assertTrue(e.getMessage().contains("line 2 of its answer is a number that was not asked about"), e.getMessage());
        assertNoNhsNumberIn(e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999000001", "99900000180", "999 000 0018", "999-000-0018", "999000001X", "OK", "9.99E+09"})
    void aLineThatIsNotTenDigitsIsAProtocolError(String line) {
        LookupProtocolError e = assertThrows(LookupProtocolError.class,
                () -> permittedAnswer.reconcile(REQUEST, A + "\n" + line + "\n"));

        assertTrue(e.getMessage().contains("line 2 of its answer is not a valid 10-digit NHS number"), e.getMessage());
        assertNoNhsNumberIn(e.getMessage());
    }

    @Test
    void aWrongCheckDigitSharingARequestedPrefixIsAProtocolError() {
        String sameNineDigits = A.substring(0, 9) + (A.charAt(9) == '9' ? '0' : (char) (A.charAt(9) + 1));

        LookupProtocolError e = assertThrows(LookupProtocolError.class,
                () -> permittedAnswer.reconcile(REQUEST, sameNineDigits + "\n"));

        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertNoNhsNumberIn(e.getMessage());
    }

    @Test
    void aFillerNumberIsAProtocolError() {
        assertThrows(LookupProtocolError.class, () -> permittedAnswer.reconcile(REQUEST, "9999999999\n"));
    }

    private static void assertNoNhsNumberIn(String message) {
        assertFalse(Pattern.compile("\\d[\\d -]{7,}\\d").matcher(message).find(), message);
    }

}

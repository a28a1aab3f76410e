package org.ndoo.gateway.nhsnumber;

/**
 * The NHS number rules (NHS Data Dictionary): ten digits, the tenth a modulus-11 check digit over the first nine
 * with weights 10 down to 2.
 * <p>
 * Local rule on top: a number made of one repeated digit ({@code 9999999999}, {@code 0000000000}) passes the
 * checksum but is a filler, never a patient, so it is rejected as well.
 */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    /**
     * The ten digits of {@code raw} if it is a valid NHS number, else {@code null}. Spaces and dashes around and
     * between the digits are allowed ({@code 943 476 5919}, {@code 943-476-5919}), and so are the invisible characters
     * spreadsheets and web pages put into cells ({@link #isSpaceLike(char)}); nothing else is.
     */
    public static String normalise(CharSequence raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String plain && plain.length() == 10) {
            // the common case, a cell of exactly ten characters: no copy
            return isValid(plain, 0) ? plain : null;
        }
        char[] digits = new char[10];
        int count = 0;
        for (int i = 0, n = raw.length(); i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == 10) {
                    return null;
                }
                digits[count++] = c;
            } else if (c != '-' && !isSpaceLike(c)) {
                return null;
            }
        }
        if (count != 10) {
            return null;
        }
        String number = new String(digits);
        return isValid(number, 0) ? number : null;
    }

    /**
     * Whether {@code c} counts as a space around or inside a number: the space and tab, every Unicode space separator
     * (no-break space U+00A0, figure space U+2007, narrow no-break space U+202F, thin and other typographic spaces
     * U+2000..U+200A, U+1680, U+205F, U+3000), and the invisible format characters that copying from spreadsheets
     * and web pages leaves in cells: soft hyphen U+00AD, U+180E, zero-width space, non-joiner and joiner
     * U+200B..U+200D, left-to-right and right-to-left marks U+200E/U+200F, bidirectional embeddings and isolates
     * U+202A..U+202E and U+2066..U+206F, word joiner and invisible operators U+2060..U+2064, and the byte-order mark
     * U+FEFF anywhere in the file. Visible characters (other dashes, dots, slashes) are not space-like.
     */
    public static boolean isSpaceLike(char c) {
        if (c < '\u00A0') {
            return c == ' ' || c == '\t';
        }
        return c == '\u00A0' || c == '\u00AD' || c == '\u1680' || c == '\u180E'
                || (c >= '\u2000' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202F')
                || (c >= '\u205F' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u206F')
                || c == '\u3000' || c == '\uFEFF';
    }

    /** Whether {@code text} holds nothing but space-like characters ({@link #isSpaceLike(char)}). */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!isSpaceLike(c) && c != '\r' && c != '\n' && c != '\f' && c != '\u000B') {
                return false;
            }
        }
        return true;
    }

    /**
     * Why {@code raw}, which {@link #normalise(CharSequence)} refused, is not a valid NHS number. For invalid rows
     * only: it is slower than {@code normalise}.
     */
    public static InvalidReason whyInvalid(String raw) {
        if (raw == null || isBlank(raw)) {
            return InvalidReason.EMPTY;
        }
        if (looksLikeSpreadsheetDamage(raw)) {
            return InvalidReason.SPREADSHEET;
        }
        char[] digits = new char[10];
        int count = 0;
        boolean otherCharacters = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c)) {
                return InvalidReason.LETTERS;
            }
            if (c >= '0' && c <= '9') {
                if (count < 10) {
                    digits[count] = c;
                }
                count++;
            } else if (c != '-' && !isSpaceLike(c)) {
                otherCharacters = true;
            }
        }
        if (otherCharacters) {
            return InvalidReason.OTHER_CHARACTERS;
        }
        if (count != 10) {
            return InvalidReason.NOT_TEN_DIGITS;
        }
        return hasValidCheckDigit(digits) ? InvalidReason.REPEATED_DIGIT : InvalidReason.WRONG_CHECK_DIGIT;
    }

    /**
     * Whether the ten characters of {@code text} from {@code from} are a valid NHS number: all digits, the last the
     * check digit of the others, not one repeated digit. Reads in place, without copying.
     */
    public static boolean isValid(CharSequence text, int from) {
        if (text.length() < from + 10) {
            return false;
        }
        char first = text.charAt(from);
        boolean oneRepeatedDigit = true;
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(from + i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
            oneRepeatedDigit &= c == first;
        }
        return hasCheckDigit(sum, text.charAt(from + 9)) && !oneRepeatedDigit;
    }

    /**
     * Whether {@code raw} looks like a number a spreadsheet damaged: scientific notation ({@code 9.43E+09}) or a
     * decimal tail ({@code 9434765919.0}). Used only to add a hint to the error report.
     */
    public static boolean looksLikeSpreadsheetDamage(String raw) {
        String value = raw.trim();
        int e = Math.max(value.indexOf('E'), value.indexOf('e'));
        if (e > 0) {
            return isDecimal(value.substring(0, e)) && isExponent(value.substring(e + 1));
        }
        int dot = value.indexOf('.');
        return dot > 0 && allDigits(value, 0, dot) && dot + 1 < value.length() && allZeros(value, dot + 1);
    }

    /** The first nine digits of a valid number as an int: they determine the tenth. */
    public static int prefix(String tenDigits) {
        return prefix(tenDigits, 0);
    }

    /** The nine-digit prefix of the valid number at {@code from} in {@code text}. */
    public static int prefix(CharSequence text, int from) {
        int prefix = 0;
        for (int i = 0; i < 9; i++) {
            prefix = prefix * 10 + (text.charAt(from + i) - '0');
        }
        return prefix;
    }

    /** The mod-11 rule alone (no filler check), for ten digits. */
    static boolean hasValidCheckDigit(char[] d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d[i] - '0') * (10 - i);
        }
        return hasCheckDigit(sum, d[9]);
    }

    /** Whether {@code check} is the check digit for the weighted sum {@code sum} of the first nine digits. */
    private static boolean hasCheckDigit(int sum, char check) {
        int expected = 11 - sum % 11;
        if (expected == 11) {
            expected = 0;
        }
        return expected != 10 && expected == check - '0';
    }

    private static boolean isDecimal(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return !s.isEmpty() && allDigits(s, 0, s.length());
        }
        return dot > 0 && allDigits(s, 0, dot) && allDigits(s, dot + 1, s.length());
    }

    private static boolean isExponent(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        return s.length() > start && allDigits(s, start, s.length());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allZeros(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}

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
     * The ten digits of {@code raw} if it is a valid NHS number, else {@code null}. Spaces and dashes between the
     * digits are allowed ({@code 943 476 5919}, {@code 943-476-5919}); nothing else is.
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
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9' || count == 10) {
                return null;
            }
            digits[count++] = c;
        }
        if (count != 10) {
            return null;
        }
        String number = new String(digits);
        return isValid(number, 0) ? number : null;
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

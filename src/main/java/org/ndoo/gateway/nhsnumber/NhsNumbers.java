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
        if (count != 10 || !hasValidCheckDigit(digits) || isOneRepeatedDigit(digits)) {
            return null;
        }
        return new String(digits);
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
        return Integer.parseInt(tenDigits, 0, 9, 10);
    }

    static boolean hasValidCheckDigit(char[] d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d[i] - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d[9] - '0';
    }

    private static boolean isOneRepeatedDigit(char[] d) {
        for (int i = 1; i < d.length; i++) {
            if (d[i] != d[0]) {
                return false;
            }
        }
        return true;
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

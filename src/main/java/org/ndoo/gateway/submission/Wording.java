package org.ndoo.gateway.submission;

import java.util.Locale;

/**
 * Counts in words a person reads: "1 row", "2 rows"; with thousands separators as in the emails ("12,345 rows"),
 * or without them for log lines, which operators grep.
 */
public final class Wording {

    private Wording() {
    }

    /** {@code n} with thousands separators and the noun in the right number: "1 duplicate", "12,345 duplicates". */
    public static String count(long n, String singular, String plural) {
        return number(n) + " " + (n == 1 ? singular : plural);
    }

    /** As {@link #count} without separators, for log lines: "1 chunk", "12345 chunks". */
    public static String countPlain(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** {@code n} with thousands separators, as in the emails. */
    public static String number(long n) {
        return String.format(Locale.UK, "%,d", n);
    }
}

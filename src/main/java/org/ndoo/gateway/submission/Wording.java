package org.ndoo.gateway.submission;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Words a person reads, in one place: counts with the right singular or plural and thousands separators
 * ({@code 1 row}, {@code 1,234 rows}), byte sizes with their unit, lists joined as prose ({@code 2, 6 and 7}) and
 * sentences ended with exactly one full stop. Used for every email, notice and log line a person reads; plain static
 * methods, safe from any thread, callable from a Camel simple expression as {@code ${bean:wording?method=...}} if
 * registered, or from Java directly.
 */
public final class Wording {

    private Wording() {
    }

    /** {@code n} with thousands separators, as in the emails: {@code 1,234,567}. */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** As {@link #count(long, String, String)} without separators, for log lines, which operators grep: {@code 12345 chunks}. */
    public static String countPlain(long n, String singular, String plural) {
        return n + " " + noun(n, singular, plural);
    }

    /** The noun for {@code n}: {@code singular} for exactly 1, else {@code plural}. */
    public static String noun(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }

    /** The noun for {@code n} with a regular plural: {@code singular + "s"} unless {@code n} is 1. */
    public static String noun(long n, String singular) {
        return noun(n, singular, singular + "s");
    }

    /** {@code n} and its noun, regular plural: {@code count(1, "row")} is {@code 1 row}, then {@code 1,234 rows}. */
    public static String count(long n, String singular) {
        return number(n) + " " + noun(n, singular);
    }

    /** {@code n} and its noun, irregular plural: {@code count(2, "number is", "numbers are")}. */
    public static String count(long n, String singular, String plural) {
        return number(n) + " " + noun(n, singular, plural);
    }

    /** The verb agreeing with {@code n}: {@code verb(1, "looks", "look")} (as {@link #noun(long, String, String)}). */
    public static String verb(long n, String singular, String plural) {
        return noun(n, singular, plural);
    }

    /**
     * A byte size with its unit: {@code 1 byte}, {@code 999 bytes}, then decimal units with one decimal:
     * {@code 4.8 KB}, {@code 5.0 MB}, {@code 1.1 GB} (1 KB = 1,000 bytes, as file managers on Windows and macOS show).
     */
    public static String bytes(long n) {
        if (n < 1000) {
            return count(n, "byte");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.UK, "%.1f %s", value, units[unit]);
    }

    /** Items joined as prose: {@code a}, {@code a and b}, {@code a, b and c}. */
    public static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** {@code text} ending in exactly one full stop (an ending {@code ...}, {@code .} or {@code ?} is kept as is). */
    public static String sentence(String text) {
        String t = text.strip();
        if (t.endsWith(".") || t.endsWith("?") || t.endsWith("!")) {
            return t;
        }
        return t + ".";
    }
}

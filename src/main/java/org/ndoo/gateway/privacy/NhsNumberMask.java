package org.ndoo.gateway.privacy;

import java.util.regex.Pattern;

/**
 * The one rule for hiding what could be an NHS number in text that leaves the gateway outside a result file: log
 * lines (every one, Camel's own included), mail headers, audit records and the status page. File and folder names come
 * from users, and a user may name a file after a patient.
 * <p>
 * Masked: a run of nine or more digits ({@code 9990000018}, also a number that lost a digit), and ten digits written
 * in the NHS layout 3-3-4 with spaces, dots, dashes or underscores between the groups ({@code 999 000 0018},
 * {@code 999-000-0018}). Left alone: the gateway's references ({@code NDOO-20261201-202859-ABCDE}), dates, times,
 * counts up to eight digits and port numbers, which an operator needs to read.
 */
public final class NhsNumberMask {

    /** What a masked run is replaced by. */
    public static final String MASK = "#########";

    private static final Pattern NHS_NUMBER_LIKE = Pattern.compile(
            "(?<![0-9])(?:[0-9]{9,}|[0-9]{3}[ ._-]{1,3}[0-9]{3}[ ._-]{1,3}[0-9]{4})(?![0-9])");

    private NhsNumberMask() {
    }

    /** {@code text} with every NHS-number-like digit run replaced by {@link #MASK}; {@code null} stays null. */
    public static String mask(String text) {
        if (text == null || !containsDigitRun(text)) {
            return text;
        }
        return NHS_NUMBER_LIKE.matcher(text).replaceAll(MASK);
    }

    /** Cheap pre-check so that log lines without three digits in a row skip the regular expression. */
    private static boolean containsDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) && text.charAt(i) < 128 ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }
}

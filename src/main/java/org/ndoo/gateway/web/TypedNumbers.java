package org.ndoo.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The numbers typed into the check form, one entry per line for the reader of drops (NumberFileReader). Entries are
 * separated by new lines, commas, semicolons and tabs; inside one of those, by spaces, except that a run of groups of
 * digits that make exactly ten digits together is one number ({@code 999 000 1006}, {@code 9990 001 006}): a group
 * of digits starts a run, the next groups join it while the digits stay at most ten, and the run is one number when
 * it reaches ten. Anything else is its own entry, and the reader counts it as invalid.
 */
public final class TypedNumbers {

    private static final Pattern FIELDS = Pattern.compile("[\\r\\n,;\\t]+");
    private static final Pattern SPACES = Pattern.compile("[ \\u00a0]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private TypedNumbers() {
    }

    /** The entries of {@code typed}, in the order typed. */
    public static List<String> entries(String typed) {
        List<String> entries = new ArrayList<>();
        for (String field : FIELDS.split(typed == null ? "" : typed)) {
            String[] groups = SPACES.split(field.strip());
            int i = 0;
            while (i < groups.length) {
                if (groups[i].isEmpty()) {
                    i++;
                    continue;
                }
                int end = tenDigitRun(groups, i);
                if (end > i) {
                    entries.add(String.join("", java.util.Arrays.copyOfRange(groups, i, end)));
                    i = end;
                } else {
                    entries.add(groups[i]);
                    i++;
                }
            }
        }
        return entries;
    }

    /** The end (exclusive) of the run of digit groups from {@code start} that makes exactly ten digits; else start. */
    private static int tenDigitRun(String[] groups, int start) {
        int digits = 0;
        for (int j = start; j < groups.length && DIGITS.matcher(groups[j]).matches(); j++) {
            digits += groups[j].length();
            if (digits == 10) {
                return j + 1;
            }
            if (digits > 10) {
                break;
            }
        }
        return start;
    }
}

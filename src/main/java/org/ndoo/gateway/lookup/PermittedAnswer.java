package org.ndoo.gateway.lookup;

import java.util.ArrayList;
import java.util.List;

import org.ndoo.gateway.nhsnumber.NhsNumberSet;
import org.ndoo.gateway.nhsnumber.NhsNumbers;

/**
 * Checks a lookup's answer against the chunk it was asked about and keeps, in the chunk's order, the numbers the
 * answer permits. The answer lists permitted numbers one per line in any order; CRLF, a trailing comma and blank
 * lines are tolerated. A line that is not ten digits, or a number that was not asked about, is a protocol error.
 * A number asked about but not in the answer is withheld (fail-safe).
 */
public final class PermittedAnswer {

    /** The numbers of {@code request} (one per line) that {@code answer} permits, in request order. */
    public List<String> reconcile(String request, String answer) {
        String[] asked = request.lines().map(String::strip).filter(l -> !l.isEmpty()).toArray(String[]::new);
        NhsNumberSet askedSet = new NhsNumberSet(asked.length);
        for (String number : asked) {
            askedSet.add(number);
        }
        NhsNumberSet permitted = new NhsNumberSet(asked.length);
        String[] lines = answer == null ? new String[0] : answer.split("\r\n|\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.endsWith(",")) {
                line = line.substring(0, line.length() - 1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (!isTenDigits(line) || NhsNumbers.normalise(line) == null) {
                throw new LookupProtocolError("line " + (i + 1) + " of its answer is not a valid 10-digit NHS number");
            }
            if (!askedSet.contains(line)) {
                throw new LookupProtocolError("line " + (i + 1) + " of its answer is a number that was not asked about");
            }
            permitted.add(line);
        }
        List<String> result = new ArrayList<>(permitted.size());
        for (String number : asked) {
            if (permitted.contains(number)) {
                result.add(number);
            }
        }
        return result;
    }

    private static boolean isTenDigits(String s) {
        if (s.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

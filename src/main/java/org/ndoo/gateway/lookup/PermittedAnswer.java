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
    public Permitted reconcile(String request, String answer) {
        String text = answer == null ? "" : answer;
        Permitted inOrder = inRequestOrder(request, text);
        if (inOrder != null) {
            return inOrder;
        }
        List<String> asked = new ArrayList<>(request.length() / 11 + 1);
        Lines requestLines = new Lines(request);
        while (requestLines.next()) {
            if (!requestLines.isEmpty()) {
                asked.add(requestLines.current());
            }
        }
        NhsNumberSet permitted = new NhsNumberSet(asked.size());
        Lines answerLines = new Lines(text);
        for (int line = 1; answerLines.next(); line++) {
            answerLines.dropTrailingComma();
            if (answerLines.isEmpty()) {
                continue;
            }
            if (answerLines.length() != 10 || !NhsNumbers.isValid(text, answerLines.start())) {
                throw new LookupProtocolError("line " + line + " of its answer is not a valid 10-digit NHS number");
            }
            permitted.add(text, answerLines.start());
        }
        List<String> result = new ArrayList<>(permitted.size());
        for (String number : asked) {
            if (permitted.contains(number)) {
                result.add(number);
            }
        }
        if (result.size() < permitted.size()) {
            throw new LookupProtocolError("line " + firstLineNotAsked(asked, text)
                    + " of its answer is a number that was not asked about");
        }
        return Permitted.of(result);
    }

    /**
     * The fast path, for the usual answer: the request's order kept (as the sandbox and most services do), every
     * line ten characters and an LF. One walk through both, every answered line matched to the next equal asked
     * line, and the answer itself is then the permitted lines: no hashing and no string a number. {@code null} as
     * soon as a line does not fit (out of order, not asked, another shape): the general path then decides.
     */
    private static Permitted inRequestOrder(String request, String answer) {
        int asked = 0;
        int count = 0;
        for (int at = 0; at < answer.length(); at += 11, count++) {
            if (at + 10 >= answer.length() || answer.charAt(at + 10) != '\n') {
                return null;
            }
            asked = afterNextEqual(request, asked, answer, at);
            if (asked < 0) {
                return null;
            }
        }
        return new Permitted(answer, count);
    }

    /**
     * Where the request goes on after its next line (from {@code from}) equal to the ten characters at {@code at} in
     * the answer; {@code -1} if there is none.
     */
    private static int afterNextEqual(String request, int from, String answer, int at) {
        int start = from;
        while (start < request.length()) {
            int end = request.indexOf('\n', start);
            int lineEnd = end < 0 ? request.length() : end;
            if (lineEnd - start == 10 && request.regionMatches(start, answer, at, 10)) {
                return lineEnd + 1;
            }
            start = lineEnd + 1;
        }
        return -1;
    }

    /** The answer's first line holding a number not in {@code asked} (only when there is one: the slow path). */
    private static int firstLineNotAsked(List<String> asked, String answer) {
        NhsNumberSet askedSet = new NhsNumberSet(asked.size());
        asked.forEach(askedSet::add);
        Lines answerLines = new Lines(answer);
        for (int line = 1; answerLines.next(); line++) {
            answerLines.dropTrailingComma();
            if (!answerLines.isEmpty() && !askedSet.contains(answer, answerLines.start())) {
                return line;
            }
        }
        throw new IllegalStateException("every answered number was asked about");
    }
}

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
        List<String> inOrder = inRequestOrder(request, answer);
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
        Lines answerLines = new Lines(answer);
        for (int line = 1; answerLines.next(); line++) {
            answerLines.dropTrailingComma();
            if (answerLines.isEmpty()) {
                continue;
            }
            if (answerLines.length() != 10 || !NhsNumbers.isValid(answer, answerLines.start())) {
                throw new LookupProtocolError("line " + line + " of its answer is not a valid 10-digit NHS number");
            }
            permitted.add(answer, answerLines.start());
        }
        List<String> result = new ArrayList<>(permitted.size());
        for (String number : asked) {
            if (permitted.contains(number)) {
                result.add(number);
            }
        }
        if (result.size() < permitted.size()) {
            throw new LookupProtocolError("line " + firstLineNotAsked(asked, answer)
                    + " of its answer is a number that was not asked about");
        }
        return result;
    }

    /**
     * The fast path, for an answer that keeps the request's order (as the sandbox and most services do): one walk
     * through both, every answered number matched to the next equal asked one, no hashing and no string for a
     * number that is not permitted. {@code null} as soon as a line does not match (out of order, not asked, or not
     * a number): the general path then decides.
     */
    private static List<String> inRequestOrder(String request, String answer) {
        List<String> result = new ArrayList<>(request.length() / 11 + 1);
        Lines asked = new Lines(request);
        Lines answerLines = new Lines(answer);
        while (answerLines.next()) {
            answerLines.dropTrailingComma();
            if (answerLines.isEmpty()) {
                continue;
            }
            if (!nextEqual(asked, request, answer, answerLines.start(), answerLines.length())) {
                return null;
            }
            result.add(asked.current());
        }
        return result;
    }

    /** Moves {@code asked} on to its next line equal to the answer's line; {@code false} if there is none. */
    private static boolean nextEqual(Lines asked, String request, String answer, int start, int length) {
        while (asked.next()) {
            if (asked.length() == length && request.regionMatches(asked.start(), answer, start, length)) {
                return true;
            }
        }
        return false;
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

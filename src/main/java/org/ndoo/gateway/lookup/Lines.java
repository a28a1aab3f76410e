package org.ndoo.gateway.lookup;

/**
 * Walks the lines of a lookup request or answer in place, without splitting it into strings: LF, CRLF or CR line
 * ends; each line without surrounding whitespace. Lookup bodies hold 100,000 numbers, so this is on the hot path.
 */
final class Lines {

    private final String text;
    private int next;
    private int start;
    private int end;

    Lines(String text) {
        this.text = text == null ? "" : text;
    }

    /** Moves to the next line; {@code false} when there is none. */
    boolean next() {
        if (next >= text.length()) {
            return false;
        }
        int lineEnd = next;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        start = next;
        end = lineEnd;
        next = lineEnd + (text.startsWith("\r\n", lineEnd) ? 2 : 1);
        trim();
        return true;
    }

    /** Drops one trailing comma (as in MESH .dat lines) and the whitespace before it. */
    void dropTrailingComma() {
        if (end > start && text.charAt(end - 1) == ',') {
            end--;
            trim();
        }
    }

    private void trim() {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
    }

    boolean isEmpty() {
        return start == end;
    }

    int length() {
        return end - start;
    }

    /** Where the current line starts in the text. */
    int start() {
        return start;
    }

    /** The current line as a string. */
    String current() {
        return text.substring(start, end);
    }
}

package org.ndoo.gateway.intake;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.Wording;

/**
 * Stops reading a file at the first line longer than the limit, so that a file with no line breaks (or one huge
 * field) is refused with a clear message instead of filling the memory. The limit applies to a CSV record as the
 * parser sees it, inside quotes too: a quoted field that never closes (or holds line breaks for longer than the limit)
 * is refused with the line it started on, after at most the limit's number of characters, however large the file.
 * <p>
 * Quotes are followed as the parser follows them (RFC 4180 as commons-csv reads it): a {@code "} opens a quoted field
 * only as the first character of a field (after leading spaces), {@code ""} inside one is a quote, and a {@code "}
 * followed by anything else ends it. Lines end at LF, CR or CRLF.
 */
final class LineLengthLimit extends FilterReader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final int maxLineLength;
    private final char delimiter;
    private int state = FIELD_START;
    private boolean afterCarriageReturn;
    private int sinceLineBreak;
    /** Characters of the current record on earlier lines: only inside a quoted field that spans lines. */
    private int carried;
    private long line = 1;
    private long recordStartLine = 1;

    /** A limit on a CSV with {@code delimiter} between fields. */
    LineLengthLimit(Reader in, int maxLineLength, char delimiter) {
        super(in);
        this.maxLineLength = maxLineLength;
        this.delimiter = delimiter;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            // the hot path: a character inside an unquoted field (digits, mostly)
            if (state == UNQUOTED && c != delimiter && c != '\n' && c != '\r') {
                afterCarriageReturn = false;
                if (++sinceLineBreak + carried > maxLineLength) {
                    tooLong();
                }
            } else {
                count(c);
            }
        }
        return n;
    }

    private void count(char c) {
        if (c == '\n' || c == '\r') {
            if (!(c == '\n' && afterCarriageReturn)) {
                line++;
            }
            afterCarriageReturn = c == '\r';
            if (state == QUOTED) {
                carried += sinceLineBreak + 1; // the record goes on past this line break
                sinceLineBreak = 0;
                if (carried > maxLineLength) {
                    tooLong();
                }
            } else {
                state = FIELD_START;
                sinceLineBreak = 0;
                carried = 0;
                recordStartLine = line;
            }
            return;
        }
        afterCarriageReturn = false;
        if (++sinceLineBreak + carried > maxLineLength) {
            tooLong();
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = QUOTED;
                } else if (c != delimiter && c != ' ' && c != '\t') {
                    state = UNQUOTED;
                }
            }
            case UNQUOTED -> state = c == delimiter ? FIELD_START : UNQUOTED;
            case QUOTED -> state = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> state = c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
        }
    }

    private void tooLong() {
        if (carried == 0) {
            throw new SubmissionRejected("Line " + Wording.number(line) + " of the file is longer than "
                    + Wording.count(maxLineLength, "character") + ", so the file is not a list of NHS numbers (one per"
                    + " row). Check it is the right file and that it was saved as CSV.");
        }
        String start = Wording.number(recordStartLine);
        throw new SubmissionRejected("The file cannot be read as CSV from line " + start + ": a quoted field"
                + " starting there runs on for more than " + Wording.count(maxLineLength, "character") + " without"
                + " its closing quote (\"). Check the quotes on line " + start + " (a field that starts with \" must"
                + " end with another), save the file as CSV again and drop it again.");
    }
}

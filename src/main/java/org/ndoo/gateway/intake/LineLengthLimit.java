package org.ndoo.gateway.intake;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import org.ndoo.gateway.submission.SubmissionRejected;

/**
 * Stops reading a file at the first line longer than the limit, so that a file with no line breaks (or one huge
 * field) is refused with a clear message instead of filling the memory.
 */
final class LineLengthLimit extends FilterReader {

    private final int maxLineLength;
    private int sinceLineBreak;
    private long lines = 1;

    LineLengthLimit(Reader in, int maxLineLength) {
        super(in);
        this.maxLineLength = maxLineLength;
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
            count(buffer[i]);
        }
        return n;
    }

    private void count(char c) {
        if (c == '\n' || c == '\r') {
            if (c == '\n') {
                lines++;
            }
            sinceLineBreak = 0;
        } else if (++sinceLineBreak > maxLineLength) {
            throw new SubmissionRejected("Line " + lines + " of the file is longer than " + maxLineLength
                    + " characters, so the file is not a list of NHS numbers (one per row). Check it is the right file"
                    + " and that it was saved as CSV.");
        }
    }
}

package org.ndoo.gateway.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.ndoo.gateway.nhsnumber.NhsNumbers;

/**
 * The records of a CSV file that holds no {@code "}, read as commons-csv reads them with the gateway's format, a
 * line at a time: a record is a line (ended by LF, CR or CRLF), its cells are what lies between the delimiters,
 * without the whitespace around them; an empty line is a record of one empty cell. Only the cell asked for is cut
 * out of the line, so a row costs one scan of its characters.
 */
final class PlainRecords implements Records {

    private final BufferedReader lines;
    private final char delimiter;
    private String current;
    private long line;

    PlainRecords(Reader text, char delimiter) {
        // commons-csv's own buffer size: a limit broken further on (LineLengthLimit) stops the reading at the same row
        this.lines = new BufferedReader(text);
        this.delimiter = delimiter;
    }

    @Override
    public boolean next() {
        try {
            current = lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (current == null) {
            return false;
        }
        line++;
        return true;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public List<String> cells() {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int end = current.indexOf(delimiter); end >= 0; end = current.indexOf(delimiter, start)) {
            cells.add(current.substring(start, end).strip());
            start = end + 1;
        }
        cells.add(current.substring(start).strip());
        return cells;
    }

    @Override
    public String cell(int column) {
        int start = 0;
        for (int i = 0; i < column; i++) {
            int end = current.indexOf(delimiter, start);
            if (end < 0) {
                return "";
            }
            start = end + 1;
        }
        int end = current.indexOf(delimiter, start);
        return (end < 0 ? current.substring(start) : current.substring(start, end)).strip();
    }

    @Override
    public boolean isBlank() {
        // the common row starts with a digit: not blank, and no cell to cut out
        if (!current.isEmpty() && current.charAt(0) >= '0' && current.charAt(0) <= '9') {
            return false;
        }
        for (String cell : cells()) {
            if (!NhsNumbers.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}

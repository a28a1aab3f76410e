package org.ndoo.gateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The records of a CSV file, one at a time, as commons-csv reads them with the gateway's format (the delimiter
 * sniffed, surrounding spaces ignored, blank lines kept as records): {@link #of} gives commons-csv itself, or, for a
 * file with no {@code "} in it, {@link PlainRecords}, which splits lines the same way at a fraction of the cost.
 * A failure to read is an {@link UncheckedIOException}, as commons-csv throws it.
 */
interface Records extends AutoCloseable {

    /** Moves to the next record; {@code false} after the last. */
    boolean next();

    /** The line the current record starts on (1 for the first). */
    long line();

    /** The line the current record ends on: its first, unless a quoted cell runs on. */
    default long endLine() {
        return line();
    }

    /** The current record's cells. */
    List<String> cells();

    /** The cell at {@code column} of the current record; empty if the record is shorter. */
    String cell(int column);

    /** Whether every cell of the current record is blank. */
    boolean isBlank();

    @Override
    void close() throws IOException;

    /**
     * The records of {@code text}, a CSV with {@code delimiter} between cells, decoded from {@code input}: commons-csv
     * when the file holds a {@code "} (a quoted cell may then span lines), plain line splitting when it holds none.
     */
    static Records of(Path input, Reader text, char delimiter) throws IOException {
        return holdsQuote(input) ? new CsvRecords(text, delimiter) : new PlainRecords(text, delimiter);
    }

    /**
     * Whether the file's bytes hold a {@code "} (0x22): in every encoding the gateway reads (UTF-8, Windows-1252,
     * UTF-16) a quote character has that byte, so a file without it has no quotes; a UTF-16 file may have it in
     * other characters too, and is then simply read by commons-csv.
     */
    private static boolean holdsQuote(Path input) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(input)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '"') {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

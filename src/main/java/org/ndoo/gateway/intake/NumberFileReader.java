package org.ndoo.gateway.intake;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ndoo.gateway.nhsnumber.NhsNumberSet;
import org.ndoo.gateway.nhsnumber.NhsNumbers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;

/**
 * Reads a submitted file as a stream, row by row, and writes its distinct valid NHS numbers, in first-seen order,
 * one per line, to {@code valid-numbers.txt} in the submission's work folder. Everything else is only counted.
 * <p>
 * Accepted: CSV with comma, tab or semicolon (sniffed from the first line), with or without a header row, quoted
 * fields; MESH {@code .dat} lines ({@code 9434765919,}); UTF-8 with or without BOM, UTF-16 with BOM; LF, CRLF or CR.
 * The NHS-number column is found by its header ({@link ColumnLayout}), else it is the first column.
 */
public final class NumberFileReader {

    /** The work file holding the valid numbers to check. */
    public static final String VALID_NUMBERS = "valid-numbers.txt";

    private static final int SNIFF_CHARS = 64 * 1024;

    /** Reads the submission's input file; returns the file of its distinct valid numbers. */
    public Path read(Submission submission) {
        Path out = submission.getWorkDir().resolve(VALID_NUMBERS);
        Counts counts = submission.getCounts();
        try (BufferedReader reader = decode(Files.newInputStream(submission.getInput()));
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            char delimiter = sniffDelimiter(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            NhsNumberSet seen = new NhsNumberSet();
            ColumnLayout layout = null;
            try (CSVParser parser = format.parse(reader)) {
                long previousRecordEnd = 0;
                for (CSVRecord record : parser) {
                    // the line the record starts on, even after a quoted field that spans lines
                    long line = previousRecordEnd + 1;
                    previousRecordEnd = parser.getCurrentLineNumber();
                    if (isBlank(record)) {
                        continue;
                    }
                    if (layout == null) {
                        layout = ColumnLayout.of(record);
                        if (layout.firstRowIsHeader()) {
                            continue;
                        }
                    }
                    String value = layout.numberIn(record);
                    String number = NhsNumbers.normalise(value);
                    if (number == null) {
                        counts.countInvalid(line, NhsNumbers.looksLikeSpreadsheetDamage(value));
                    } else {
                        counts.countValid();
                        if (seen.add(number)) {
                            writer.write(number);
                            writer.write('\n');
                        } else {
                            counts.countDuplicate();
                        }
                    }
                }
            } catch (UncheckedIOException e) {
                throw new SubmissionRejected("The file could not be read as CSV after line " + counts.getRowsRead()
                        + " (" + describe(e.getCause()) + "). Check it opens as plain text, one NHS number per row.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read submission " + submission.getReference(), e);
        }
        if (counts.getValid() == 0) {
            throw new SubmissionRejected(noValidNumbersReason(counts));
        }
        return out;
    }

    private static String noValidNumbersReason(Counts counts) {
        if (counts.getRowsRead() == 0) {
            return "The file holds no NHS numbers: it is empty or has only a header row.";
        }
        String reason = "None of the " + counts.getRowsRead() + " rows holds a valid NHS number.";
        if (counts.getSpreadsheetDamaged() > 0) {
            reason += " " + counts.getSpreadsheetDamaged() + " look changed by a spreadsheet (like 9.43E+09 or"
                    + " 9434765919.0): format the column as Text before saving as CSV.";
        }
        return reason;
    }

    private static String describe(Throwable e) {
        String message = e == null ? null : e.getMessage();
        // commons-csv messages name positions, not content; keep only the first sentence to be safe
        return message == null ? "malformed CSV" : message.replaceAll("[0-9]{6,}", "#").split("\\.", 2)[0];
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 by default; a BOM selects UTF-8 or UTF-16 and is dropped. Undecodable bytes never stop the read. */
    static BufferedReader decode(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            skip = 3;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        in.reset();
        in.skipNBytes(skip);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    }

    /** The most frequent of comma, tab and semicolon outside quotes on the first non-blank line; comma if none. */
    static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        char[] buffer = new char[SNIFF_CHARS];
        int length = Math.max(reader.read(buffer, 0, buffer.length), 0);
        reader.reset();
        String firstLine = new String(buffer, 0, length).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : firstLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}

package org.ndoo.gateway.intake;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ndoo.gateway.nhsnumber.InvalidReason;
import org.ndoo.gateway.nhsnumber.NhsNumberSet;
import org.ndoo.gateway.nhsnumber.NhsNumbers;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.submission.Wording;

/**
 * Reads a submitted file as a stream, row by row, and writes its distinct valid NHS numbers, in first-seen order,
 * one per line, to {@code valid-numbers.txt} in the submission's work folder. Everything else is only counted.
 * <p>
 * Accepted: CSV with comma, tab or semicolon (sniffed from the first line), with or without a header row, quoted
 * fields; MESH {@code .dat} lines ({@code 9434765919,}); UTF-8 with or without BOM, UTF-16 with BOM; LF, CRLF or CR.
 * The NHS-number column is chosen by {@link ColumnLayout}; it and the counts are what the reading returns
 * ({@link Reading}), for the route to keep.
 */
public final class NumberFileReader {

    private static final int SNIFF_CHARS = 64 * 1024;

    private final long maxRows;
    private final int maxLineLength;

    /** A reader with the default limits: 20,000,000 rows, lines of 10,000 characters. */
    public NumberFileReader() {
        this(20_000_000L, 10_000);
    }

    /**
     * @param maxRows       data rows accepted in one file ({@code gateway.inbox.max-rows})
     * @param maxLineLength characters accepted on one line ({@code gateway.inbox.max-line-length})
     */
    public NumberFileReader(long maxRows, int maxLineLength) {
        this.maxRows = maxRows;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Reads the submission's input file into the file of its distinct valid numbers ({@link WorkArea#validNumbers});
     * returns what the reading found, also when it stopped because the file cannot be checked
     * ({@link Reading#refusal()}: the counts are then those of the rows before). {@link #requireValidNumbers} refuses
     * a file that cannot be checked.
     */
    public Reading read(Submission submission) {
        Path out = WorkArea.validNumbers(submission);
        Reading.Tally counts = new Reading.Tally();
        try (BufferedReader text = decode(Files.newInputStream(submission.getInput()));
             BufferedWriter writer = Files.newBufferedWriter(WorkArea.privateFile(out), StandardCharsets.US_ASCII)) {
            char delimiter = sniffDelimiter(text);
            // sized for the most numbers the file can hold (11 bytes a row), up to 2^20 (8 MB): little rehashing
            NhsNumberSet seen = new NhsNumberSet((int) Math.min(submission.getByteSize() / 11 + 1, 1 << 20));
            // parsed and validated on a second thread, counted, de-duplicated and written on this one
            try (ParsedRows rows = ParsedRows.start(sink -> parse(submission.getInput(), text, delimiter, counts, sink),
                    "read " + submission.getReference())) {
                while (rows.next()) {
                    String number = rows.number();
                    if (number == null) {
                        counts.countInvalid(rows.line(), rows.why());
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
            }
        } catch (SubmissionRejected e) {
            return counts.reading().refused(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read submission " + submission.getReference(), e);
        }
        return counts.reading();
    }

    /**
     * Throws {@link SubmissionRejected}, in words for the submitter, unless {@code reading} found numbers to check:
     * why it stopped, or that no row holds a valid NHS number (the most common reasons, with counts).
     */
    public void requireValidNumbers(Reading reading) {
        if (reading.refusal() != null) {
            throw new SubmissionRejected(reading.refusal());
        }
        if (reading.valid() == 0) {
            throw new SubmissionRejected(noValidNumbersReason(reading));
        }
    }

    /**
     * Parses the file's rows and emits each data row's number, valid or invalid: the header and blank rows are
     * skipped, the NHS-number column is chosen from the first row (and recorded in {@code counts}).
     */
    private void parse(Path input, BufferedReader text, char delimiter, Reading.Tally counts, ParsedRows.Sink sink)
            throws IOException, InterruptedException {
        ColumnLayout layout = null;
        long dataRows = 0;
        long readTo = 0;
        try (Records records = Records.of(input, new LineLengthLimit(text, maxLineLength, delimiter), delimiter)) {
            while (records.next()) {
                readTo = records.endLine();
                if (records.isBlank()) {
                    continue;
                }
                if (layout == null) {
                    layout = ColumnLayout.of(records.cells());
                    counts.readFrom(layout.numberColumn());
                    if (layout.firstRowIsHeader()) {
                        continue;
                    }
                }
                if (dataRows++ >= maxRows) {
                    throw new SubmissionRejected("The file has more than " + Wording.count(maxRows, "row")
                            + ", the most the gateway takes in one file. Split it into smaller files and drop"
                            + " them one by one.");
                }
                String value = records.cell(layout.column());
                String number = NhsNumbers.normalise(value);
                sink.row(records.line(), number, number == null ? NhsNumbers.whyInvalid(value) : null);
            }
        } catch (UncheckedIOException e) {
            throw new SubmissionRejected("The file cannot be read as CSV from line " + Wording.number(readTo + 1)
                    + " (" + describe(e.getCause()) + "). Check it opens as plain text, one NHS number per row,"
                    + " save it as CSV again and drop it again.");
        }
    }

    private static String noValidNumbersReason(Reading counts) {
        if (counts.rowsRead() == 0) {
            return "The file holds no NHS numbers: it is empty or has only a header row.";
        }
        long rows = counts.rowsRead();
        String reason = rows == 1 ? "The file's only row does not hold a valid NHS number."
                : "None of the " + Wording.count(rows, "row") + " holds a valid NHS number.";
        List<InvalidReason> reasons = counts.invalidReasonsByFrequency();
        InvalidReason most = reasons.get(0);
        reason += (rows == 1 ? " Reason: " : " Most rows: ") + most.words() + " ("
                + Wording.number(counts.invalidFor(most)) + " of " + Wording.number(rows) + ")";
        if (reasons.size() > 1) {
            reason += "; also " + Wording.list(reasons.subList(1, reasons.size()).stream()
                    .map(r -> r.words() + " (" + Wording.number(counts.invalidFor(r)) + ")").toList());
        }
        reason += ".";
        if (counts.spreadsheetDamaged() > 0) {
            long damaged = counts.spreadsheetDamaged();
            reason += " " + Wording.number(damaged) + " " + Wording.verb(damaged, "looks", "look")
                    + " changed by a spreadsheet (like 9.43E+09, or a number ending in .0): format the column as Text before"
                    + " saving as CSV.";
        }
        return reason;
    }

    private static String describe(Throwable e) {
        String message = e == null || e.getMessage() == null ? "" : e.getMessage();
        // commons-csv messages quote positions and sometimes content: say what they mean in our own words
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is never closed: a \" is missing";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "a character follows a closing quote \" before the next separator";
        }
        return "malformed CSV";
    }

    /**
     * The file's text ({@link TextEncoding}: UTF-8 by default, UTF-16 with or without BOM; a BOM is dropped).
     * Undecodable bytes never stop the read. Read it through a {@link LineLengthLimit} once the delimiter is known.
     */
    static BufferedReader decode(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(TextEncoding.SNIFF_BYTES);
        byte[] head = in.readNBytes(TextEncoding.SNIFF_BYTES);
        in.reset();
        TextEncoding encoding = TextEncoding.of(head, head.length);
        in.skipNBytes(encoding.bomLength());
        CharsetDecoder decoder = encoding.charset().newDecoder()
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

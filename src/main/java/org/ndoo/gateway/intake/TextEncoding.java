package org.ndoo.gateway.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.ndoo.gateway.submission.SubmissionRejected;

/**
 * How a submitted file's text is encoded, told from its first bytes: a byte-order mark (UTF-8, UTF-16), or UTF-16
 * without one (every other byte zero), else UTF-8. Files that are not text at all are refused with what they look
 * like: a spreadsheet or ZIP renamed {@code .csv}, an old Excel file, a PDF, or other binary data. Text that is not
 * UTF-8 in its first bytes is read as Windows-1252.
 *
 * @param bomLength bytes to skip before the text
 */
record TextEncoding(Charset charset, int bomLength) {

    /** How many leading bytes {@link #of(byte[], int)} looks at. */
    static final int SNIFF_BYTES = 4096;

    static TextEncoding of(byte[] head, int length) {
        if (startsWith(head, length, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, length, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (startsWith(head, length, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, length, 'P', 'K', 3, 4)) {
            throw new SubmissionRejected("The file is a ZIP archive or an Excel workbook (.xlsx) with a .csv name."
                    + " Open it in Excel and use 'Save as' CSV, then drop the CSV file.");
        }
        if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new SubmissionRejected("The file is an old Excel workbook (.xls) with a text file name. Open it in"
                    + " Excel and use 'Save as' CSV, then drop the CSV file.");
        }
        if (startsWith(head, length, '%', 'P', 'D', 'F')) {
            throw new SubmissionRejected("The file is a PDF, not a list of NHS numbers. Export the list as CSV.");
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            } else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A)) {
                control++;
            }
        }
        int half = length / 2;
        if (half > 0 && zerosOdd > half * 0.4 && zerosEven == 0) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (half > 0 && zerosEven > half * 0.4 && zerosOdd == 0) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0);
        }
        if (zerosEven + zerosOdd + control > length / 100 + 1) {
            throw new SubmissionRejected("The file is not text (it holds binary data), so it is not a list of NHS"
                    + " numbers. Export the list as CSV and drop that file.");
        }
        return isUtf8(head, length) ? new TextEncoding(StandardCharsets.UTF_8, 0)
                : new TextEncoding(Charset.forName("windows-1252"), 0);
    }

    /**
     * Whether the head is UTF-8 (a sequence cut at its end allowed). A file that is not, without a BOM, is read as
     * Windows-1252 (ANSI, the Latin-1 superset Excel writes on Windows), so that its no-break spaces (byte A0) count as
     * spaces instead of undecodable bytes.
     */
    private static boolean isUtf8(byte[] head, int length) {
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(length + 1);
        return !StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(head, 0, length), out, false).isError();
    }

    private static boolean startsWith(byte[] head, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

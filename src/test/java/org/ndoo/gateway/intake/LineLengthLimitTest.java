package org.ndoo.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.SubmissionRejected;

/**
 * The line-length limit applies inside quotes too: a quoted field that never closes is refused, with the line it
 * opened on, after reading about the limit's number of characters, however much follows.
 */
class LineLengthLimitTest {

    /** {@code head}, then an endless supply of short rows, counting what was read. */
    private static final class EndlessRows extends Reader {
        private final String head;
        long supplied;

        EndlessRows(String head) {
            this.head = head;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                long at = supplied + i;
                buffer[offset + i] = at < head.length() ? head.charAt((int) at)
                        : (at - head.length()) % 11 == 10 ? '\n' : '9';
            }
            supplied += length;
            return length;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aQuoteThatNeverClosesFailsFastWithItsLine() {
        EndlessRows rows = new EndlessRows("nhs_number\n9990000018\n\"9990000026\n");

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> parseAll(rows, 10_000));

        assertTrue(e.getMessage().contains("cannot be read as CSV from line 3: a quoted field starting there"),
                e.getMessage());
        assertTrue(rows.supplied < 200_000, "read " + rows.supplied + " characters of an endless file");
    }

    @Test
    void quotedFieldsWithLineBreaksWithinTheLimitAreRead() throws IOException {
        String csv = "id,note\n1,\"two\nlines, and \"\"quotes\"\"\"\n2,\"x\"\n3,5\" tall\n";

        assertEquals(4, parseAll(new StringReader(csv), 40));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldDoesNotOpenOne() throws IOException {
        StringBuilder csv = new StringBuilder("id,height\n1,5\" tall\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i).append(",170\n");
        }

        assertEquals(102, parseAll(new StringReader(csv.toString()), 20));
    }

    @Test
    void aLongPhysicalLineIsRefusedWithItsLineAfterCarriageReturns() {
        String csv = "a\rb\r\n" + "9".repeat(50) + "\n";

        SubmissionRejected e = assertThrows(SubmissionRejected.class, () -> parseAll(new StringReader(csv), 20));

        assertTrue(e.getMessage().startsWith("Line 3 of the file is longer than 20 characters"), e.getMessage());
    }

    private static int parseAll(Reader text, int limit) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        int records = 0;
        try (CSVParser parser = format.parse(new LineLengthLimit(text, limit, ','))) {
            for (CSVRecord ignored : parser) {
                records++;
            }
        }
        return records;
    }
}

package org.ndoo.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

class AuditLogTest {

    @TempDir
    Path tempDir;

    @Test
    void writesOneJsonLinePerRecordWithCountsAndOutcome() throws IOException {
        Path file = tempDir.resolve("logs/audit.jsonl");
        AuditLog audit = new AuditLog(file.toString());
        Submission delivered = submission("NDOO-20250101-090000-AAAAA", "list.csv", "a@nhs.net");
        Reading.Tally reading = new Reading.Tally();
        reading.countValid();
        reading.countValid();
        reading.countValid();
        reading.countDuplicate();
        reading.countInvalid(4, org.ndoo.gateway.nhsnumber.InvalidReason.NOT_TEN_DIGITS);
        Counts counts = Counts.of(reading.reading(), Answers.NONE.plus(2, 1));

        audit.record(delivered, counts, "delivered", "sent by email");
        audit.record(submission("NDOO-20250101-090100-BBBBB", "other.csv", "a@nhs.net"), Counts.of(null, null),
                "rejected", null);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        String first = lines.get(0);
        assertTrue(first.startsWith("{\"time\":\"") && first.endsWith("}"), first);
        for (String expected : List.of("\"reference\":\"NDOO-20250101-090000-AAAAA\"", "\"source\":\"shared-folder\"",
                "\"submitter\":\"a@nhs.net\"", "\"file\":\"list.csv\"", "\"bytes\":123", "\"rowsRead\":4",
                "\"valid\":3", "\"invalid\":1", "\"duplicates\":1", "\"checked\":2", "\"permitted\":1",
                "\"withheld\":1", "\"chunks\":1", "\"outcome\":\"delivered\"", "\"detail\":\"sent by email\"")) {
            assertTrue(first.contains(expected), expected + " in " + first);
        }
        String second = lines.get(1);
        assertTrue(second.contains("\"reference\":\"NDOO-20250101-090100-BBBBB\""), second);
        assertTrue(second.contains("\"outcome\":\"rejected\",\"detail\":\"\""), second);
        assertTrue(second.contains("\"withheld\":0,\"chunks\":0"), second);
    }

    @ParameterizedTest
    @CsvSource({
            "list-9990000018.csv,   list-#########.csv",
            "9990000018.csv,        #########.csv",
            "list 999 000 0018.csv, list #########.csv",
            "list-999-000-0018.txt, list-#########.txt",
            "list-1.csv,            list-1.csv"})
    void masksANumberInTheFileName(String fileName, String logged) throws IOException {
        String line = recordOne(submission("NDOO-20250101-090000-AAAAA", fileName, "a@nhs.net"), "delivered", "");

        assertTrue(line.contains("\"file\":\"" + logged + "\""), line);
    }

    @Test
    void masksANumberInAnUntrustedFolderName() throws IOException {
        Submission untrusted = new Submission("NDOO-20250101-090000-AAAAA", "shared-folder",
                Path.of("/inbox/9990000018/list.csv"), "9990000018", 10);

        String line = recordOne(untrusted, "untrusted", "");

        assertTrue(line.contains("\"submitter\":\"untrusted folder: #########\""), line);
        assertFalse(line.contains("9990000018"), line);
    }

    @Test
    void escapesQuotesBackslashesAndNewlines() throws IOException {
        Submission submission = submission("NDOO-20250101-090000-AAAAA", "a\"b.csv", "a@nhs.net");

        String line = recordOne(submission, "rejected", "said \"no\"\r\nthen \\ left");

        assertTrue(line.contains("\"file\":\"a\\\"b.csv\""), line);
        assertTrue(line.contains("\"detail\":\"said \\\"no\\\"\\u000d\\u000athen \\\\ left\""), line);
    }

    /** Records one submission in a fresh log and returns its only line. */
    private String recordOne(Submission submission, String outcome, String detail) throws IOException {
        Path file = Files.createTempFile(tempDir, "audit", ".jsonl");
        new AuditLog(file.toString()).record(submission, Counts.of(null, null), outcome, detail);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.size(), "one line per record");
        return lines.get(0);
    }

    private static Submission submission(String reference, String fileName, String submitter) {
        Submission submission = new Submission(reference, "shared-folder", Path.of("/inbox/a@nhs.net", fileName),
                "a@nhs.net", 123);
        return submitter == null ? submission : submission.trusted(submitter);
    }
}

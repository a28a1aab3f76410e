package org.ndoo.gateway.reply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The record of a file named after an NHS number holds no NHS number: the input's and the result's names are masked
 * as in mail subjects; the fields come in the contract's order, and a mail the submitter's server refused is a
 * failure in the record's outcomes.
 */
class ResultRecordHoldsNoNhsNumberTest {

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    @Test
    void namesAreMaskedAndTheFieldsInOrder() throws Exception {
        String number = SyntheticNhsNumbers.valid(1, 1).get(0);
        Path result = Files.writeString(dir.resolve(number + "-permitted.csv"), "nhs_number\n");
        Submission submission = Submission.restored("NDOO-20261202-000000-AAAAA", "sftp:warehouse",
                "sftp://host/outgoing/a@nhs.net/" + number + ".csv", dir.resolve(number + ".csv"), number + ".csv",
                "a@nhs.net", 11, "a@nhs.net", Instant.parse("2026-12-02T10:00:00Z"), dir);
        ResultRecords records = new ResultRecords(Clock.fixed(Instant.parse("2026-12-02T10:00:01.5Z"),
                ZoneOffset.UTC));

        String text = records.delivered(submission, new Reading(1, 1, 0, 0, Map.of(), List.of(),
                new NumberColumn(1, "nhs_number")), new Answers(1, 1, 0), result);

        assertFalse(text.contains(number), text);
        JsonNode record = JSON.readTree(text);
        assertEquals("#########.csv", record.get("file").asText());
        assertEquals("#########-permitted.csv", record.at("/resultFile/name").asText());
        assertEquals(List.of("reference", "source", "file", "outcome", "reason", "column", "counts", "receivedAt",
                "finishedAt", "resultFile"), fieldNames(record));
        assertEquals("2026-12-02T10:00:00Z", record.get("receivedAt").asText());
        assertEquals("2026-12-02T10:00:01.500Z", record.get("finishedAt").asText());
        assertEquals(1, record.at("/counts/withheld").asLong());
    }

    @Test
    void theOutcomesAreTheContractsFour() {
        assertEquals("failed", ResultRecords.outcome(failure("failed")));
        assertEquals("failed", ResultRecords.outcome(failure("undeliverable")));
        assertEquals("refused", ResultRecords.outcome(failure("refused")));
        assertEquals("gave-up", ResultRecords.outcome(failure("gave-up")));
    }

    private static Failure failure(String outcome) {
        return new Failure(outcome, "why", "what", Failure.Told.SUBMITTER, false, false, null);
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new java.util.ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

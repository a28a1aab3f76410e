package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.ReplyFolder;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source replying both ways ({@code reply=both}, {@code reply-dir=results}): a file pushed into
 * {@code outgoing/<address>/} gets, in {@code results/<address>/}, {@code <base>-permitted.csv} byte for byte the
 * attachment of the result mail it also gets, and {@code <base>-result.json} with the counts, the column read and
 * the CSV's SHA-256; nothing else is left there, and the input is deleted from the server.
 */
class SftpReplyToASubmitterFolderTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        replyInto(properties, "both");
    }

    @Test
    void theResultAndItsRecordArePutBesideEachOtherAndMatchTheMail() throws Exception {
        List<String> valid = SyntheticNhsNumbers.valid(5000, 30);
        List<String> numbers = new ArrayList<>(valid);
        numbers.add(3, "not a number");
        numbers.add(numbers.get(0));
        Instant before = Instant.now();
        Path remote = upload(SUBMITTER + "/nightly cohort.csv", "nhs_number\n" + lines(numbers));

        MimeMessage mail = awaitMail();
        ReplyFolder replies = new ReplyFolder(sftpRoot.resolve("results").resolve(SUBMITTER));
        Await.until("the record in the reply folder", Duration.ofSeconds(20),
                () -> replies.has("nightly cohort-result.json"));
        Await.until("the input deleted from the server", Duration.ofSeconds(20), () -> !Files.exists(remote));

        assertEquals(List.of("nightly cohort-permitted.csv", "nightly cohort-result.json"), replies.names(),
                "only the two files, no .part left");
        Mails.Attachment attachment = Mails.attachment(mail);
        assertEquals("nightly cohort-permitted.csv", attachment.fileName());
        assertEquals(attachment.csv(), replies.text("nightly cohort-permitted.csv"), "the file is the attachment");

        JsonNode record = replies.record("nightly cohort-result.json");
        String reference = record.get("reference").asText();
        assertTrue(mail.getSubject().contains(reference), "the mail's reference: " + reference);
        assertEquals("sftp:warehouse", record.get("source").asText());
        assertEquals("nightly cohort.csv", record.get("file").asText());
        assertEquals("delivered", record.get("outcome").asText());
        assertTrue(record.get("reason").isNull());
        assertEquals("nhs_number", record.at("/column/header").asText());
        assertEquals(1, record.at("/column/position").asInt());
        long permitted = SyntheticNhsNumbers.permitted(valid).size();
        assertEquals(32, record.at("/counts/rows").asLong());
        assertEquals(31, record.at("/counts/valid").asLong());
        assertEquals(1, record.at("/counts/invalid").asLong());
        assertEquals(5, record.at("/counts/invalidLines/0").asLong(), "line 5: the header is line 1");
        assertEquals(1, record.at("/counts/duplicates").asLong());
        assertEquals(30, record.at("/counts/checked").asLong());
        assertEquals(permitted, record.at("/counts/permitted").asLong());
        assertEquals(30 - permitted, record.at("/counts/withheld").asLong());
        Instant received = Instant.parse(record.get("receivedAt").asText());
        Instant finished = Instant.parse(record.get("finishedAt").asText());
        assertTrue(!received.isBefore(before.minusSeconds(1)) && !finished.isBefore(received),
                "received " + received + ", finished " + finished);
        assertEquals("nightly cohort-permitted.csv", record.at("/resultFile/name").asText());
        assertEquals(replies.sha256("nightly cohort-permitted.csv"), record.at("/resultFile/sha256").asText());
    }
}

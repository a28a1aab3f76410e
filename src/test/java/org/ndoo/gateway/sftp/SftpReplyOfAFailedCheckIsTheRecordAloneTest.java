package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.ReplyFolder;
import org.ndoo.gateway.support.SftpTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pushed file that cannot be checked (no NHS number in it) from a source replying over SFTP only: its reply folder
 * gets {@code <base>-result.json} alone, outcome {@code failed} and the reason the notice would give; no result file,
 * no email, and the input is deleted as after any failure notice.
 */
class SftpReplyOfAFailedCheckIsTheRecordAloneTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        replyInto(properties, "sftp");
    }

    @Test
    void theRecordSaysWhyAndNothingElseIsPut() throws Exception {
        Path remote = upload(SUBMITTER + "/notes.csv", "name,ward\nsmith,4\njones,7\n");

        ReplyFolder replies = new ReplyFolder(sftpRoot.resolve("results").resolve(SUBMITTER));
        Await.until("the input deleted from the server", Duration.ofSeconds(20), () -> !Files.exists(remote));

        assertEquals(List.of("notes-result.json"), replies.names(), "the record alone");
        JsonNode record = replies.record("notes-result.json");
        assertEquals("failed", record.get("outcome").asText());
        String reason = record.get("reason").asText();
        assertTrue(reason.contains("NHS number"), "the notice's reason: " + reason);
        assertTrue(record.get("resultFile").isNull());
        assertEquals(0, record.at("/counts/checked").asLong());
        assertEquals(0, MAIL.getReceivedMessages().length, "the record is the submitter's only notice");
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"failed\""), auditRecords().get(0));
    }
}

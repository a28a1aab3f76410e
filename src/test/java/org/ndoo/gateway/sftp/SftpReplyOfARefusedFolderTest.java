package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A file pushed into a folder that is not an address in an allowed domain, from a source replying over SFTP: the
 * operator is mailed as for any refusal, and the pushing system finds the record beside where its result would be,
 * outcome {@code refused}, nothing read and nothing checked.
 */
class SftpReplyOfARefusedFolderTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        replyInto(properties, "sftp");
    }

    @Test
    void theRefusalIsRecordedAndTheOperatorTold() throws Exception {
        Path remote = upload("someone@example.com/cohort.csv", lines(SyntheticNhsNumbers.valid(9000, 5)));

        MimeMessage notice = awaitMail();
        assertEquals(OPERATOR, Mails.to(notice));
        ReplyFolder replies = new ReplyFolder(sftpRoot.resolve("results").resolve("someone@example.com"));
        Await.until("the input deleted from the server", Duration.ofSeconds(20), () -> !Files.exists(remote));

        assertEquals(List.of("cohort-result.json"), replies.names());
        JsonNode record = replies.record("cohort-result.json");
        assertEquals("refused", record.get("outcome").asText());
        assertTrue(record.get("reason").asText().contains("example.com"), record.get("reason").asText());
        assertEquals(0, record.at("/counts/rows").asLong());
        assertTrue(record.get("column").isNull() && record.get("resultFile").isNull(), record.toString());
    }
}

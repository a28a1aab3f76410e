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
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A source replying over SFTP only ({@code reply=sftp}): a flat file (the source has a default recipient) gets its
 * two files in {@code results/} itself, the permitted numbers in input order, and no email goes to anyone.
 */
class SftpReplyForAFlatFileTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        replyInto(properties, "sftp");
    }

    @Test
    void theRepliesAreInTheReplyFolderItselfAndNoMailGoes() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(6000, 25);
        Path remote = upload("extract.csv", lines(numbers));

        ReplyFolder replies = new ReplyFolder(sftpRoot.resolve("results"));
        Await.until("the input deleted from the server", Duration.ofSeconds(20), () -> !Files.exists(remote));

        assertEquals(List.of("extract-permitted.csv", "extract-result.json"), replies.names());
        assertEquals("nhs_number\n" + lines(SyntheticNhsNumbers.permitted(numbers)),
                replies.text("extract-permitted.csv"));
        JsonNode record = replies.record("extract-result.json");
        assertEquals("delivered", record.get("outcome").asText());
        assertEquals(25, record.at("/counts/checked").asLong());
        assertEquals(replies.sha256("extract-permitted.csv"), record.at("/resultFile/sha256").asText());
        assertEquals(0, MAIL.getReceivedMessages().length, "no mail: the result went back over SFTP only");
    }
}

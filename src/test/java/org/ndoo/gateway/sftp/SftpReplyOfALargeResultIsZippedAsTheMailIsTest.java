package org.ndoo.gateway.sftp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.ReplyFolder;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A result over {@code gateway.result.zip-above-bytes} from a source replying both ways: the reply folder gets
 * {@code <base>-permitted.zip}, named and filled as the mail's attachment (one entry, the CSV), and the record names
 * the ZIP with its SHA-256.
 */
class SftpReplyOfALargeResultIsZippedAsTheMailIsTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(Properties properties) {
        replyInto(properties, "both");
        properties.setProperty("gateway.result.zip-above-bytes", "1000");
    }

    @Test
    void theZipIsPutBackAsItIsAttached() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(8000, 300);
        Path remote = upload(SUBMITTER + "/big.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        ReplyFolder replies = new ReplyFolder(sftpRoot.resolve("results").resolve(SUBMITTER));
        Await.until("the input deleted from the server", Duration.ofSeconds(20), () -> !Files.exists(remote));

        assertEquals(List.of("big-permitted.zip", "big-result.json"), replies.names());
        Mails.Attachment attachment = Mails.attachment(mail);
        assertEquals("big-permitted.zip", attachment.fileName());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                Files.readAllBytes(replies.dir().resolve("big-permitted.zip"))))) {
            ZipEntry entry = zip.getNextEntry();
            assertEquals("big-permitted.csv", entry.getName());
            assertEquals(attachment.csv(), new String(zip.readAllBytes(), StandardCharsets.US_ASCII));
            assertEquals(null, zip.getNextEntry(), "one entry");
        }
        JsonNode record = replies.record("big-result.json");
        assertEquals("big-permitted.zip", record.at("/resultFile/name").asText());
        assertEquals(replies.sha256("big-permitted.zip"), record.at("/resultFile/sha256").asText());
    }
}

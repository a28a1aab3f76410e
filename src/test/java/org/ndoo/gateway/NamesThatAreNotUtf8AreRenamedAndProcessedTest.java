package org.ndoo.gateway;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.RawNames;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names whose bytes are not UTF-8 (windows-1252, as a Windows share with a legacy code page writes them), and a name
 * with a backslash (which Camel takes for a path separator): Java's file listing cannot open them, so today they stay
 * in the inbox forever, unanswered. They are renamed to what the user wrote, processed as usual, and the operator is
 * told of each rename once, with an audit record.
 */
class NamesThatAreNotUtf8AreRenamedAndProcessedTest extends GatewayTestSupport {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWindows1252FileNameIsRenamedAndAnswered() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(40_000, 5);
        Path folder = Files.createDirectories(inbox().resolve(SUBMITTER));
        RawNames.moveTo(Files.writeString(folder.resolve(".drop.part"), lines(numbers)), folder,
                "Café liste.csv".getBytes(WINDOWS_1252));

        MimeMessage[] mails = awaitMails(2);
        MimeMessage result = only(mails, SUBMITTER);
        assertTrue(result.getSubject().startsWith("NDOO check result: Café liste.csv"), result.getSubject());
        assertEquals("Café liste-permitted.csv", Mails.attachment(result).fileName());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());

        MimeMessage notice = only(mails, OPERATOR);
        assertEquals("NDOO gateway: inbox entry renamed", notice.getSubject());
        String text = Mails.text(notice);
        assertTrue(text.contains("Where: folder " + SUBMITTER + "\n"), text);
        assertTrue(text.contains("Was: Caf%E9 liste.csv"), text);
        assertTrue(text.contains("Now: Café liste.csv\n"), text);

        Await.until("the inbox folder emptied", Duration.ofSeconds(20), () -> RawNames.entries(folder) == 0);
        List<JsonNode> audit = audit();
        assertEquals(2, audit.size(), "the rename and the submission");
        assertEquals("renamed", audit.get(0).get("event").asText());
        assertEquals("Café liste.csv", audit.get(0).get("to").asText());
        assertEquals("delivered", audit.get(1).get("outcome").asText());
        assertEquals(1, mails.length - 1, "one notice about the rename");
    }

    @Test
    void aWindows1252SubmitterFolderIsRenamedAndRefusedToTheOperator() throws Exception {
        Path staging = Files.createDirectories(root.resolve("staging"));
        Path partial = Files.createDirectories(staging.resolve("equipe"));
        Files.writeString(partial.resolve("list.csv"), lines(SyntheticNhsNumbers.valid(40_100, 3)));
        RawNames.moveTo(partial, inbox(), "Équipe".getBytes(WINDOWS_1252));

        MimeMessage[] mails = awaitMails(2);
        assertTrue(Arrays.stream(mails).allMatch(m -> recipients(m).equals(List.of(OPERATOR))), "operator only");
        String texts = String.join("\n", Arrays.stream(mails).map(NamesThatAreNotUtf8AreRenamedAndProcessedTest::text).toList());
        assertTrue(texts.contains("Was: %C9quipe"), texts);
        assertTrue(texts.contains("Folder: ?quipe") && texts.contains("'?quipe' is not a single valid email address"), texts);
        Await.until("the file deleted", Duration.ofSeconds(20),
                () -> !Files.exists(inbox().resolve("Équipe").resolve("list.csv")));
        assertEquals("refused", audit().get(1).get("outcome").asText());
    }

    @Test
    void aBackslashInANameBecomesAnUnderscore() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(40_200, 4);
        Path folder = Files.createDirectories(inbox().resolve(SUBMITTER));
        Files.move(Files.writeString(folder.resolve(".drop.part"), lines(numbers)), folder.resolve("north\\south.csv"));

        MimeMessage[] mails = awaitMails(2);
        MimeMessage result = only(mails, SUBMITTER);
        assertEquals("north_south-permitted.csv", Mails.attachment(result).fileName());
        assertTrue(Mails.text(only(mails, OPERATOR)).contains("Was: north\\south.csv"));
        Await.until("the inbox folder emptied", Duration.ofSeconds(20), () -> RawNames.entries(folder) == 0);
    }

    private static MimeMessage only(MimeMessage[] mails, String to) {
        List<MimeMessage> found = Arrays.stream(mails).filter(m -> recipients(m).equals(List.of(to))).toList();
        assertEquals(1, found.size(), "mails to " + to);
        return found.get(0);
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return Mails.recipients(mail);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        try {
            return Mails.text(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> audit() {
        return auditRecords().stream().map(line -> {
            try {
                return JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}

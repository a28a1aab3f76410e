package org.ndoo.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real files whose names hold what a file system allows and a mail, a JSON line, a web page or a log line must not
 * take as structure (CR, LF, TAB, escape and other control characters, quotes, {@code ;}, {@code =}, an RFC 2047
 * look-alike, HTML, a 255-byte name): each is answered with one result to exactly one recipient, with the expected
 * headers only, a two-part body and the attachment named {@code <original-base-name>-permitted.csv} (control
 * characters shown as {@code _}); the audit log gets exactly one valid JSON record; the status page shows the name as
 * text; and no log line is broken by it.
 */
class HostileFileNamesNeverBecomeStructureTest extends GatewayTestSupport {

    private static final Set<String> RESULT_HEADERS = Set.of("Content-Type", "Date", "From", "MIME-Version",
            "Message-ID", "Received", "Return-Path", "Subject", "To");
    private static final Pattern LOG_LINE_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static Stream<Arguments> names() {
        String longName = "é".repeat(100) + "x".repeat(51) + ".csv"; // 255 bytes in UTF-8
        return Stream.of(
                Arguments.of("CR LF and a Bcc header", "list\r\nBcc: intruder@nhs.net\r\n.csv", "list__Bcc: intruder@nhs.net__"),
                Arguments.of("LF and a MIME boundary", "a\n--boundary\nContent-Type: text+html\n.csv", "a_--boundary_Content-Type: text+html_"),
                Arguments.of("TAB, ESC and BEL", "tab\there\u001b[31mred\u0007.csv", "tab_here_[31mred_"),
                Arguments.of("quotes, semicolon, equals", "\"quoted\"; name=evil.exe; 'x'=1.csv", "\"quoted\"; name=evil.exe; 'x'=1"),
                Arguments.of("RFC 2047 look-alike", "=?utf-8?b?QmNjOiB4QG5ocy5uZXQ=?= list.csv", "=?utf-8?b?QmNjOiB4QG5ocy5uZXQ=?= list"),
                Arguments.of("HTML and accents", "<b>Café & élève.csv", "<b>Café & élève"),
                Arguments.of("line and paragraph separators", "a\u2028b\u2029c\u0085d.csv", "a_b_c_d"),
                Arguments.of("255 bytes", longName, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void oneResultOneRecordNoBrokenLine(String label, String fileName, String expectedBase) throws Exception {
        long mark = logMark();
        List<String> numbers = SyntheticNhsNumbers.valid(30_000, 4);
        Path input = dropAs(fileName, lines(numbers));

        MimeMessage mail = awaitMail();
        awaitCleanedUp(input);
        assertEquals(1, MAIL.getReceivedMessages().length, "one email");
        assertEquals(List.of(SUBMITTER), Mails.recipients(mail), "exactly one recipient");
        assertEquals(1, mail.getRecipients(Message.RecipientType.TO).length);
        Set<String> headers = new TreeSet<>();
        for (Header header : Collections.list(mail.getAllHeaders())) {
            headers.add(header.getName());
            String unfolded = MimeUtility.unfold(header.getValue());
            assertFalse(unfolded.contains("\r") || unfolded.contains("\n"), "header " + header.getName()
                    + " broken by the name: " + unfolded);
        }
        assertTrue(RESULT_HEADERS.containsAll(headers), "unexpected headers: " + headers);
        assertTrue(mail.getSubject().startsWith("NDOO check result: "), mail.getSubject());
        assertFalse(mail.getSubject().chars().anyMatch(Character::isISOControl), "control characters in the subject");
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount(), "text and attachment");
        String attachment = Mails.attachment(mail).fileName();
        if (expectedBase != null) {
            assertEquals(expectedBase + "-permitted.csv", attachment);
        } else {
            assertTrue(attachment.endsWith("-permitted.csv") && attachment.startsWith("ééé")
                    && attachment.getBytes(StandardCharsets.UTF_8).length <= 255, attachment);
        }
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());

        List<String> audit = auditRecords();
        assertEquals(1, audit.size(), "one audit line");
        JsonNode record = JSON.readTree(audit.get(0));
        assertEquals(fileName, record.get("file").asText(), "the audit record holds the name as text");
        assertEquals("delivered", record.get("outcome").asText());

        String page = Http.get(statusUrl()).body();
        assertFalse(page.contains("<b>"), "the name became markup on the status page");

        for (String line : logLinesSince(mark)) {
            assertTrue(LOG_LINE_START.matcher(line).find(), "a log line broken by the name: " + line);
        }
    }

    /** Writes the file under a short hidden name, then renames it: the 255-byte name leaves no room for a suffix. */
    private static Path dropAs(String fileName, String content) throws IOException {
        Path dir = Files.createDirectories(inbox().resolve(SUBMITTER));
        Path partial = Files.writeString(dir.resolve(".drop.part"), content);
        return Files.move(partial, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.ndoo.gateway.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web submission folders an earlier run left that cannot be taken up again (a marker that cannot be read, a marker
 * whose input is gone) are not deleted silently at start-up: each ends in a notice to the operator with its
 * reference and the reason, and an audit record, then its folder is deleted; nothing of it reaches the lookup, and
 * no NHS number is in the notice, the log or the audit.
 */
class WebFolderThatCannotBeTrustedAfterARestartIsToldToTheOperatorTest extends WebTestSupport {

    private static final String CORRUPT = "NDOO-20261201-090000-BADM1";
    private static final String NO_INPUT = "NDOO-20261201-090000-GONE2";

    @Test
    void eachEndsInAnOperatorNoticeAndAnAuditRecord() throws Exception {
        context.stop();
        List<String> numbers = SyntheticNhsNumbers.valid(2900, 3);
        Path corrupt = leftWebFolder(CORRUPT, "reference=" + CORRUPT + "\nsubmitter=\nbytes=lots\n", numbers);
        Path noInput = leftWebFolder(NO_INPUT, marker(NO_INPUT), null);
        Path log = root.resolve("web-untrusted.log");

        GatewayProcess gateway = GatewayProcess.start(processSettings(), log);
        try {
            MimeMessage[] mails = awaitMails(2);
            for (String reference : List.of(CORRUPT, NO_INPUT)) {
                MimeMessage notice = mailAbout(mails, reference);
                assertEquals(OPERATOR, Mails.to(notice));
                assertTrue(notice.getSubject().startsWith("NDOO gateway: submission refused"), notice.getSubject());
                String text = Mails.text(notice);
                assertTrue(text.contains("cannot be taken up again"), text);
                assertFalse(holdsAny(text, numbers), "no NHS number in the notice");
            }
            assertTrue(Mails.text(mailAbout(mails, CORRUPT)).contains("its marker has no input"));
            assertTrue(Mails.text(mailAbout(mails, NO_INPUT)).contains("its input is missing"));
            Await.until("both folders deleted", Duration.ofSeconds(10),
                    () -> !Files.exists(corrupt) && !Files.exists(noInput));
        } finally {
            gateway.stop();
        }
        assertTrue(lookup.requests().isEmpty(), "nothing was looked up");
        String audit = Files.readString(auditFile(), StandardCharsets.UTF_8);
        for (String reference : List.of(CORRUPT, NO_INPUT)) {
            assertTrue(auditRecords().stream().anyMatch(r -> r.contains("\"reference\":\"" + reference + "\"")
                    && r.contains("\"outcome\":\"refused\"")), audit);
        }
        assertFalse(holdsAny(audit, numbers), "no NHS number in the audit");
        assertFalse(holdsAny(Files.readString(log, StandardCharsets.UTF_8), numbers), "no NHS number in the log");
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains(CORRUPT
                + ": refused (not taken up after a restart: its marker has no input); notifying the operator"));
    }

    private static String marker(String reference) {
        return String.join("\n", "reference=" + reference, "submitter=" + SUBMITTER,
                "file-name=" + WebIntake.TYPED_NAME, "input=" + WebIntake.TYPED_NAME, "bytes=33",
                "received-at=2026-12-01T09:00:00Z", "attempts=0", "waiting-for=") + "\n";
    }
}

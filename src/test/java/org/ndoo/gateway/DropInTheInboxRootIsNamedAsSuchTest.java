package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file dropped directly in the inbox, not in a submitter folder: the operator's notice, the audit record and the
 * status page say "the inbox root" in plain words, never an empty "Folder:" or "untrusted folder: ".
 */
class DropInTheInboxRootIsNamedAsSuchTest extends GatewayTestSupport {

    @Test
    void noticeAuditAndStatusPageNameTheInboxRoot() throws Exception {
        Files.createDirectories(inbox());
        Path partial = Files.writeString(inbox().resolve(".loose.part"), lines(SyntheticNhsNumbers.valid(50_000, 3)));
        Path input = Files.move(partial, inbox().resolve("loose.csv"), StandardCopyOption.ATOMIC_MOVE);

        MimeMessage notice = awaitMail();
        awaitCleanedUp(input);
        assertEquals(List.of(OPERATOR), Mails.recipients(notice));
        String text = Mails.text(notice);
        assertTrue(text.contains("Folder: the inbox root (not in a submitter folder)\n"), text);

        String record = auditRecords().get(0);
        assertTrue(record.contains("\"submitter\":\"the inbox root (not in a submitter folder)\""), record);
        assertFalse(record.contains("untrusted folder: \""), record);

        String page = Http.get(statusUrl()).body();
        assertTrue(page.contains(">the inbox root (not in a submitter folder)</td>"), page);
    }
}

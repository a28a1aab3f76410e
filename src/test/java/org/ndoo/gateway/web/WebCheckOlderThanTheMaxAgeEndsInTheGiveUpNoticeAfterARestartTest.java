package org.ndoo.gateway.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * A web check left waiting by an earlier run whose first attempt is older than gateway.retry.max-age (24 h) is not
 * tried again after the restart: like a retry that gives up, it ends in the failure notice to its submitter, saying
 * what it waited for, and the operator's alert; it is audited as gave-up and its folder is deleted.
 */
class WebCheckOlderThanTheMaxAgeEndsInTheGiveUpNoticeAfterARestartTest extends WebTestSupport {

    private static final String REFERENCE = "NDOO-20261130-080000-OLD01";

    @Test
    void theCheckEndsInTheGiveUpNotice() throws Exception {
        context.stop();
        List<String> numbers = SyntheticNhsNumbers.valid(3000, 3);
        Instant first = Instant.now().minus(Duration.ofHours(25));
        Path folder = leftWebFolder(REFERENCE, String.join("\n", "reference=" + REFERENCE, "submitter=" + SUBMITTER,
                "file-name=" + WebIntake.TYPED_NAME, "input=" + WebIntake.TYPED_NAME,
                "bytes=" + lines(numbers).length(), "received-at=" + first, "attempts=4", "first-attempt=" + first,
                "waiting-for=The opt-out lookup service was unavailable") + "\n", numbers);
        Path log = root.resolve("web-too-old.log");

        GatewayProcess gateway = GatewayProcess.start(processSettings(), log);
        try {
            MimeMessage[] mails = awaitMails(2);
            MimeMessage notice = Mails.addressedTo(mails, SUBMITTER);
            assertEquals("NDOO check failed: " + WebIntake.TYPED_NAME + " (" + REFERENCE + ")", notice.getSubject());
            assertTrue(Mails.text(notice).contains("The opt-out lookup service was unavailable for longer than the"
                    + " gateway waits (24h)"), Mails.text(notice));
            assertTrue(Mails.addressedTo(mails, OPERATOR).getSubject().contains(REFERENCE));
            Await.until("its folder deleted", Duration.ofSeconds(10), () -> !Files.exists(folder));
        } finally {
            gateway.stop();
        }
        assertTrue(lookup.requests().isEmpty(), "not tried again");
        assertTrue(auditRecords().stream().anyMatch(r -> r.contains("\"reference\":\"" + REFERENCE + "\"")
                && r.contains("\"outcome\":\"gave-up\"")), String.join("\n", auditRecords()));
        assertFalse(holdsAny(String.join("\n", auditRecords()), numbers), "no NHS number in the audit");
        assertFalse(holdsAny(Files.readString(log, StandardCharsets.UTF_8), numbers), "no NHS number in the log");
    }
}

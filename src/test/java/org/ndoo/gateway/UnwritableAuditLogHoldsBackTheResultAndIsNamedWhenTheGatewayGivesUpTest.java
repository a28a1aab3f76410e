package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log cannot be written (its folder's path is taken by a file), a failure of the gateway itself, outside
 * the lookup and the mail: no result goes out that could not be recorded, the input stays while the gateway waits,
 * and when it gives up the submitter and the operator are told the true reason, the audit record, never "the work
 * directory". The input's fate is explicit: it is still in place for a later attempt.
 */
class UnwritableAuditLogHoldsBackTheResultAndIsNamedWhenTheGatewayGivesUpTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.audit.file", root.resolve("audit-taken").resolve("audit.jsonl").toString());
        giveUpAfterTwoSeconds(properties);
    }

    @Test
    void noResultGoesOutAndTheNoticeNamesTheAuditRecord() throws Exception {
        Path taken = Files.writeString(root.resolve("audit-taken"), "not a directory");
        try {
            long mark = logMark();
            Path input = drop("no-audit.csv", lines(SyntheticNhsNumbers.valid(7950, 4)));

            MimeMessage[] mails = awaitMails(2);
            for (MimeMessage mail : mails) {
                assertFalse(Mails.hasAttachment(mail), "a result went out that the audit log could not record");
            }
            String told = Mails.text(Mails.addressedTo(mails, SUBMITTER));
            assertTrue(told.contains("The gateway could not write its audit record for longer than the gateway waits"
                    + " (2s)"), told);
            assertFalse(told.contains("work directory") || told.contains("lookup"), told);
            String operator = Mails.text(Mails.addressedTo(mails, OPERATOR));
            assertTrue(operator.contains("the audit log is unusable (FileAlreadyExistsException"), operator);

            Await.until("the gateway says the input stays", Duration.ofSeconds(20), () -> logLinesSince(mark).stream()
                    .anyMatch(l -> l.contains("not ended (AuditLogUnusable); the input stays for a later attempt")));
            assertTrue(Files.exists(input), "the input stays: nothing was recorded");
        } finally {
            Files.deleteIfExists(taken);
        }
    }
}

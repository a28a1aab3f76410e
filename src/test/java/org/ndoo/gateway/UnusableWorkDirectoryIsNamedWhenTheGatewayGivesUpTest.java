package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A work directory that stays unusable (its path taken by a file) until the maximum age: the notice gives the true
 * reason, the work directory, never "the lookup or the mail service was unavailable", and the operator, who can
 * fix it, is told as well as the submitter.
 */
class UnusableWorkDirectoryIsNamedWhenTheGatewayGivesUpTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.work.dir", root.resolve("taken-work").toString());
        giveUpAfterTwoSeconds(properties);
    }

    @Test
    void theNoticeNamesTheWorkDirectory() throws Exception {
        Path taken = Files.writeString(root.resolve("taken-work"), "not a directory");
        try {
            Path input = drop("no-work-dir.csv", lines(SyntheticNhsNumbers.valid(7900, 6)));

            MimeMessage[] mails = awaitMails(2);
            MimeMessage submitter = Mails.addressedTo(mails, SUBMITTER);
            MimeMessage operator = Mails.addressedTo(mails, OPERATOR);
            String told = Mails.text(submitter);
            assertTrue(told.contains("The gateway's work directory could not be used for longer than the gateway waits"
                    + " (2s)"), told);
            assertFalse(told.contains("lookup") || told.contains("mail service"), told);
            assertTrue(Mails.text(operator).contains("the work directory is unusable (FileAlreadyExistsException"),
                    Mails.text(operator));
            awaitCleanedUp(input);
            assertEquals(1, auditRecords().size());
            assertTrue(auditRecords().get(0).contains("\"outcome\":\"gave-up\""), auditRecords().get(0));
        } finally {
            Files.deleteIfExists(taken);
        }
    }
}

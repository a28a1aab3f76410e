package org.ndoo.gateway;

import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real lookup that refuses the gateway's credentials (HTTP 401) or access (403) is a configuration problem at the
 * gateway: it is not retried (in place or later), the submitter is told it is not their file, and the operator is
 * told too. Neither notice blames an outage.
 */
class LookupRefusingTheGatewayTellsOperatorAndSubmitterTest extends GatewayTestSupport {

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void notRetriedAndBothAreTold(int status) throws Exception {
        lookup.failNext(status, 10);
        Path input = drop("config-" + status + ".csv", lines(SyntheticNhsNumbers.valid(7300 + status, 10)));

        MimeMessage[] mails = awaitMails(2);
        awaitCleanedUp(input);
        MimeMessage submitter = Mails.addressedTo(mails, SUBMITTER);
        MimeMessage operator = Mails.addressedTo(mails, OPERATOR);
        String told = Mails.text(submitter);
        assertTrue(submitter.getSubject().startsWith("NDOO check failed: config-" + status + ".csv"), submitter.getSubject());
        assertTrue(told.contains("refused the gateway's request (HTTP " + status + ")"), told);
        assertTrue(told.contains("configuration problem at the gateway, not in your file"), told);
        assertTrue(told.contains("the gateway operator has been told"), told);
        String alert = Mails.text(operator);
        assertTrue(operator.getSubject().contains("submission failed"), operator.getSubject());
        assertTrue(alert.contains("gateway configuration: the lookup answered HTTP " + status), alert);
        for (String text : List.of(told, alert)) {
            assertFalse(text.contains("unavailable"), "no outage is blamed: " + text);
        }
        assertEquals(1, lookup.requests().size(), "HTTP " + status + " is not retried");
        String audit = auditRecords().get(0);
        assertTrue(audit.contains("\"outcome\":\"failed\""), audit);
        assertTrue(audit.contains("\"detail\":\"gateway configuration: the lookup answered HTTP " + status + "\""), audit);
        MAIL.purgeEmailFromAllMailboxes();
        clearAudit();
    }

    private static void clearAudit() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(auditFile());
    }
}

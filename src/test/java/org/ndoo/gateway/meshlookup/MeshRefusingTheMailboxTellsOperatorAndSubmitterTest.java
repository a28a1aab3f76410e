package org.ndoo.gateway.meshlookup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * The in-repo MESH server refuses the gateway's mailbox password (HTTP 403): a configuration problem at the gateway.
 * The submission is not kept for retries until the maximum age: the submitter is told it is not their file, the
 * operator is told, the input is deleted and nothing is sent to the service.
 */
class MeshRefusingTheMailboxTellsOperatorAndSubmitterTest extends MeshGatewayTestSupport {

    @Override
    protected void overrideMesh(Properties properties) {
        properties.setProperty("gateway.lookup.mesh.password", "not-the-mailbox-password");
    }

    @Test
    void bothAreToldAndTheInputIsNotKept() throws Exception {
        Path input = drop("mesh-refused.csv", lines(SyntheticNhsNumbers.valid(8400, 5)));

        MimeMessage[] mails = awaitMails(2);
        String told = Mails.text(Mails.addressedTo(mails, SUBMITTER));
        assertTrue(told.contains("MESH refused the gateway's request (HTTP 403)"), told);
        assertTrue(told.contains("configuration problem at the gateway, not in your file"), told);
        String alert = Mails.text(Mails.addressedTo(mails, OPERATOR));
        assertTrue(alert.contains("gateway configuration: MESH answered HTTP 403"), alert);
        awaitCleanedUp(input);
        assertTrue(requestsToTheService() == 0, "nothing reached the service");
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"failed\""), auditRecords().get(0));
    }
}

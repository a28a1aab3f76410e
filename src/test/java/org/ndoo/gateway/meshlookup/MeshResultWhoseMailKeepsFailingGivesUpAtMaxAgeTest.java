package org.ndoo.gateway.meshlookup;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.mesh.MeshWaitRepository;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MESH result whose email keeps failing (the mail server answers the result mail with a temporary 451) is tried
 * again with the same back-off as every other submission and given up at gateway.retry.max-age: the submitter and
 * the operator get the usual notices, the audit record says gave-up, and nothing is left waiting.
 */
class MeshResultWhoseMailKeepsFailingGivesUpAtMaxAgeTest extends MeshGatewayTestSupport {

    private static FaultySmtpServer smtp;

    @BeforeAll
    static void startFaultySmtp() throws IOException {
        smtp = new FaultySmtpServer(MAIL.getSmtp().getPort());
        smtp.mode(FaultySmtpServer.Mode.TEMPORARY_451_CONTAINING);
        smtp.refuse("NDOO check result");
    }

    @AfterAll
    static void stopFaultySmtp() throws IOException {
        smtp.close();
    }

    @Override
    protected void overrideMesh(Properties p) {
        p.setProperty("gateway.mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("gateway.retry.attempts", "1");
        p.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        p.setProperty("gateway.retry.resubmit-max-delay", "600ms");
        p.setProperty("gateway.retry.max-age", "3s");
    }

    @Test
    void theSubmitterAndTheOperatorAreToldAndNothingWaits() {
        dropAndAwaitRequest("keeps-failing.csv", SyntheticNhsNumbers.valid(8000, 12));
        Await.until("the result released", Duration.ofSeconds(20), () -> mesh.optOutService().releaseResults() == 1);

        Await.until("the notices to the submitter and the operator", Duration.ofSeconds(30),
                () -> smtp.accepted().size() >= 2);
        List<String> notices = smtp.accepted();
        assertEquals(2, notices.size(), "one notice each, no result mail got through");
        assertTrue(notices.stream().anyMatch(n -> n.contains("To: " + SUBMITTER)), "the submitter is told");
        assertTrue(notices.stream().anyMatch(n -> n.contains("To: " + OPERATOR)), "the operator is told");
        assertTrue(notices.stream().allMatch(n -> n.contains("for longer than the gateway waits (3s)")), notices.get(0));
        assertTrue(smtp.connections() > 3, "the result mail was tried more than once before giving up");

        Await.until("the audit record", Duration.ofSeconds(20), () -> !auditRecords().isEmpty());
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"gave-up\""), auditRecords().get(0));
        Await.until("the work area emptied", Duration.ofSeconds(20), () -> isEmpty(workDir()));
        MeshWaitRepository waits = context.getRegistry().lookupByNameAndType("meshWaitRepository",
                MeshWaitRepository.class);
        Await.until("nothing waits any more", Duration.ofSeconds(20), () -> waits.references().isEmpty());
        assertEquals(1, auditRecords().size());
    }
}

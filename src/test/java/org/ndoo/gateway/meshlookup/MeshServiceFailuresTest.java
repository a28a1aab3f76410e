package org.ndoo.gateway.meshlookup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's invalid-numbers rejection, a MESH REPORT, and no reply within the maximum wait each end the
 * submission in a failure notice that says which, and leave nothing in the work area.
 */
class MeshServiceFailuresTest extends MeshGatewayTestSupport {

    @Override
    protected void overrideMesh(Properties properties) {
        properties.setProperty("gateway.lookup.mesh.max-wait", "3s");
    }

    @Test
    void invalidNumbersRejection() throws Exception {
        mesh.optOutService().answerInvalidNext().replyAfter(Duration.ZERO);
        assertNotice(drop("rejected.csv", lines(SyntheticNhsNumbers.valid(6000, 5))), "contains one or more invalid NHS");
    }

    @Test
    void meshReport() throws Exception {
        mesh.optOutService().reportNext("14");
        assertNotice(drop("undelivered.csv", lines(SyntheticNhsNumbers.valid(6100, 5))), "report status 14");
    }

    @Test
    void noReplyWithinTheMaximumWait() throws Exception {
        mesh.optOutService().replyAfter(null);
        assertNotice(drop("silence.csv", lines(SyntheticNhsNumbers.valid(6200, 5))), "did not reply within");
    }

    private void assertNotice(Path input, String reason) throws Exception {
        MimeMessage notice = awaitMail();
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(notice.getSubject().startsWith("NDOO check failed"), notice.getSubject());
        assertTrue(Mails.text(notice).contains(reason), Mails.text(notice));
        assertFalse(Mails.hasAttachment(notice));
        awaitCleanedUp(input);
        Await.until("the audit record", Duration.ofSeconds(10), () -> !auditRecords().isEmpty());
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"failed\""), auditRecords().get(0));
    }
}

package org.ndoo.gateway.meshlookup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait for the service's replies keeps its maximum across a restart: a gateway stopped while nothing has come
 * back, and started again, still ends the submission with the "did not reply" notice when the wait runs out.
 */
class MeshWaitTimesOutAfterARestartTest extends MeshGatewayTestSupport {

    @Override
    protected void overrideMesh(Properties properties) {
        properties.setProperty("gateway.lookup.mesh.max-wait", "4s");
    }

    @Test
    void theNoReplyNoticeComesAfterTheRestart() throws Exception {
        mesh.optOutService().replyAfter(null);
        Path input = inbox().resolve(SUBMITTER).resolve("silence.csv");
        dropAndAwaitRequest("silence.csv", SyntheticNhsNumbers.valid(6300, 5));
        context.stop();
        assertEquals(0, MAIL.getReceivedMessages().length, "nothing said before the restart");

        Main restarted = restart();
        MimeMessage notice;
        try {
            notice = awaitMail();
            awaitCleanedUp(input);
        } finally {
            restarted.stop();
        }
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(Mails.text(notice).contains("did not reply within"), Mails.text(notice));
        Await.until("the audit record", Duration.ofSeconds(10), () -> !auditRecords().isEmpty());
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"failed\""), auditRecords().get(0));
    }
}

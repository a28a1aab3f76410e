package org.ndoo.gateway.meshlookup;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

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
 * The gateway stopped while the service's replies are outstanding finishes the submission after a new gateway
 * (a new Camel Main, new beans, same settings) starts, exactly as if it had not stopped: the work folder is all it
 * needs.
 */
class MeshRestartWhileRepliesOutstandingTest extends MeshGatewayTestSupport {

    @Test
    void submissionCompletesAfterARestart() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(5000, 40);
        dropAndAwaitRequest("before-restart.csv", numbers);

        context.stop();
        Await.until("the result released while the gateway is down", Duration.ofSeconds(20),
                () -> mesh.optOutService().releaseResults() == 1);
        assertTrue(Files.list(workDir()).findAny().isPresent(), "the waiting submission is in the work area");

        Main restarted = restart();
        MimeMessage mail;
        try {
            mail = awaitMail();
        } finally {
            restarted.stop();
        }
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(1, requestsToTheService(), "nothing was sent again");
        assertTrue(isEmpty(workDir()), "the work area emptied");
        assertEquals(1, MAIL.getReceivedMessages().length);
    }
}

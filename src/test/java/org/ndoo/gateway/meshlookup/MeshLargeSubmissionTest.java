package org.ndoo.gateway.meshlookup;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.MeshTestMessage;
import org.ndoo.gateway.support.NationalOptOutService;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 250,001 numbers go to the service as three MESH messages, the results come back in chunked downloads, and the
 * submitter gets one email with the exact result.
 */
class MeshLargeSubmissionTest extends MeshGatewayTestSupport {

    @Override
    protected void overrideMesh(Properties properties) {
        properties.setProperty("gateway.result.zip-above-bytes", "1000000");
    }

    @Test
    void threeMessagesOneEmail() throws Exception {
        mesh.downloadChunkSize(400_000); // each result (about 1.1 MB) is downloaded in chunks
        List<String> numbers = SyntheticNhsNumbers.valid(0, 250_001);
        drop("population.csv", lines(numbers));

        Await.until("three requests sent", Duration.ofSeconds(60), () -> requestsToTheService() == 3);
        List<MeshTestMessage> requests = mesh.deliveredTo(NationalOptOutService.MAILBOX);
        assertEquals(List.of(100_000L, 100_000L, 50_001L),
                requests.stream().map(r -> r.body().length / 12L).toList(), "numbers per message (12 bytes a line: ten digits, a comma, LF)");
        AtomicInteger released = new AtomicInteger();
        Await.until("three results released", Duration.ofSeconds(20),
                () -> released.addAndGet(mesh.optOutService().releaseResults()) == 3);

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(250_001, Mails.count(mail, "Checked"));
        assertEquals(1, MAIL.getReceivedMessages().length);
    }
}

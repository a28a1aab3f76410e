package org.ndoo.gateway.meshlookup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshGatewayTestSupport;
import org.ndoo.gateway.support.MeshTestMessage;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.NationalOptOutService;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over MESH the input is sent as a .dat request and the submission waits in the work area: the input is gone, no
 * mail is sent on the receipt, and the result email goes when the service's result arrives.
 */
class MeshResultArrivesLaterTest extends MeshGatewayTestSupport {

    @Test
    void requestThenReceiptThenResult() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(4000, 30);
        dropAndAwaitRequest("cohort.csv", numbers);
        MeshTestMessage request = mesh.deliveredTo(NationalOptOutService.MAILBOX).get(0);
        assertEquals(NationalOptOutService.WORKFLOW, request.workflowId());
        assertTrue(request.localId().matches("NDOO-\\d{8}-\\d{6}-[A-Z0-9]{5}-1"), request.localId());
        assertEquals(request.localId(), request.subject());
        String expectedBody = numbers.stream().map(n -> n + ",\n").collect(Collectors.joining());
        assertTrue(expectedBody.equals(new String(request.body(), StandardCharsets.US_ASCII)),
                "the request is the .dat form of the valid numbers");
        assertEquals(MAILBOX + "-" + LocalDate.now().format(DateTimeFormatter.ofPattern("ddMMyy")) + "-0001.dat",
                request.fileName());

        Await.until("the receipt downloaded and acknowledged", Duration.ofSeconds(20),
                () -> mesh.requests(MeshTestServer.Endpoint.ACKNOWLEDGE) == 1);
        assertEquals(0, MAIL.getReceivedMessages().length, "a receipt is not a result");

        Await.until("the result released", Duration.ofSeconds(20), () -> mesh.optOutService().releaseResults() == 1);

        MimeMessage mail = awaitMail();
        assertEquals(SUBMITTER, Mails.to(mail));
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("the work area emptied", Duration.ofSeconds(20), () -> isEmpty(workDir()));
        assertTrue(mesh.inbox(MAILBOX).isEmpty(), "every reply acknowledged");
        assertEquals(1, auditRecords().size());
    }
}

package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.NationalOptOutService;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

/**
 * The national opt-out check over MESH, end to end against {@link MeshTestServer} playing the service: a .dat request
 * goes to X26HC065, a receipt comes back first, then the result without the opted-out numbers; or the
 * invalid-numbers line; or a MESH REPORT. Failures report sizes, never NHS numbers.
 */
class MeshOptOutExchangeTest {

    private static final String ORG = "X26ABC1";
    private static final String PASSWORD = "org-password";
    private static final String LOCAL_ID = "X26ABC1-231126-0001";

    private MeshTestServer server;
    private MeshClient client;

    @BeforeEach
    void start() throws IOException {
        server = MeshTestServer.start(MeshClientTest.SECRET).mailbox(ORG, PASSWORD);
        client = MeshClientTest.client(server, ORG, PASSWORD, o -> o);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] dat(List<String> numbers) {
        return numbers.stream().map(n -> n + ",\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII);
    }

    private String sendRequest(List<String> numbers) {
        return client.send(new OutgoingMessage(NationalOptOutService.MAILBOX, NationalOptOutService.WORKFLOW,
                LOCAL_ID + ".dat", LOCAL_ID, LOCAL_ID, dat(numbers)));
    }

    private List<String> awaitInbox(int count) {
        List<List<String>> seen = new ArrayList<>();
        Await.until(count + " message(s) in the inbox", Duration.ofSeconds(10), () -> {
            List<String> ids = client.listInbox(NationalOptOutService.WORKFLOW);
            seen.add(ids);
            return ids.size() >= count;
        });
        return seen.get(seen.size() - 1);
    }

    private static List<String> numbersIn(IncomingMessage result) {
        List<String> numbers = new ArrayList<>();
        for (String line : new String(result.body(), StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                assertTrue(line.endsWith(","), "each result line ends with a comma");
                numbers.add(line.substring(0, line.length() - 1));
            }
        }
        return numbers;
    }

    @Test
    void receiptFirstThenTheResultWithoutTheOptedOutNumbers() {
        List<String> numbers = SyntheticNhsNumbers.valid(300, 40);
        Set<String> optedOut = new HashSet<>();
        for (int i = 0; i < numbers.size(); i += 7) {
            optedOut.add(numbers.get(i));
        }
        server.optOutService().optedOut(optedOut);

        String requestId = sendRequest(numbers);

        assertTrue(java.util.Arrays.equals(dat(numbers), server.deliveredTo(NationalOptOutService.MAILBOX).get(0).body()),
                "the service received the request as sent");
        List<String> first = awaitInbox(1);
        assertEquals(1, first.size(), "only the receipt before the result is released");
        IncomingMessage receipt = client.download(first.get(0));
        assertEquals(OptOutReply.RECEIPT, OptOutReply.of(receipt));
        assertEquals(LOCAL_ID, receipt.localId());
        assertEquals("SUCCESS", receipt.subject());
        assertEquals(NationalOptOutService.WORKFLOW, receipt.workflowId());
        assertEquals(NationalOptOutService.MAILBOX, receipt.from());
        String receiptText = new String(receipt.body(), StandardCharsets.UTF_8);
        assertTrue(receiptText.contains("\"pending\"") && receiptText.contains("\"mesh_to_pos\""), "receipt body");
        client.acknowledge(receipt.messageId());
        assertEquals(List.of(), client.listInbox(NationalOptOutService.WORKFLOW));

        assertEquals(1, server.optOutService().releaseResults());
        List<String> second = awaitInbox(1);
        IncomingMessage result = client.download(second.get(0));
        client.acknowledge(result.messageId());

        assertEquals(OptOutReply.RESULT, OptOutReply.of(result));
        assertEquals(LOCAL_ID, result.localId());
        assertEquals(NationalOptOutService.WORKFLOW, result.workflowId());
        List<String> expected = numbers.stream().filter(n -> !optedOut.contains(n)).toList();
        List<String> actual = numbersIn(result);
        assertTrue(expected.equals(actual), "result differs: expected " + expected.size() + " numbers, got " + actual.size());
        assertEquals(numbers.size() - optedOut.size(), actual.size());
        assertTrue(requestId != null && !requestId.equals(result.messageId()));
    }

    @Test
    void oneInvalidNumberFailsTheWholeFile() {
        List<String> numbers = new ArrayList<>(SyntheticNhsNumbers.valid(400, 5));
        String valid = numbers.get(2);
        char wrongCheck = (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
        numbers.set(2, valid.substring(0, 9) + wrongCheck);
        server.optOutService().replyAfter(Duration.ofMillis(100));

        sendRequest(numbers);

        List<String> ids = awaitInbox(2);
        IncomingMessage receipt = client.download(ids.get(0));
        IncomingMessage answer = client.download(ids.get(1));
        assertEquals(OptOutReply.RECEIPT, OptOutReply.of(receipt));
        assertEquals(OptOutReply.INVALID_NUMBERS, OptOutReply.of(answer));
        assertEquals(OptOutReply.INVALID_NUMBERS_LINE, new String(answer.body(), StandardCharsets.US_ASCII).strip());
        assertEquals(LOCAL_ID, answer.localId());
    }

    @Test
    void theServiceCanBeToldToRejectAFile() {
        server.optOutService().answerInvalidNext().replyAfter(Duration.ZERO);

        sendRequest(SyntheticNhsNumbers.valid(500, 3));

        List<String> ids = awaitInbox(2);
        assertEquals(OptOutReply.INVALID_NUMBERS, OptOutReply.of(client.download(ids.get(1))));
    }

    @Test
    void aReportComesInsteadOfAnyReply() {
        server.optOutService().reportNext("14");

        String requestId = sendRequest(SyntheticNhsNumbers.valid(600, 3));

        List<String> ids = awaitInbox(1);
        IncomingMessage report = client.download(ids.get(0));
        assertEquals(OptOutReply.REPORT, OptOutReply.of(report));
        assertTrue(report.isReport());
        assertEquals("14", report.statusCode());
        assertEquals(requestId, report.linkedMessageId());
        assertEquals(LOCAL_ID, report.localId());
        assertEquals(0, report.body().length);
        assertEquals(0, server.optOutService().releaseResults(), "no result follows a report");
        assertEquals(1, client.listInbox(null).size());
    }
}

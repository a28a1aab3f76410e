package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.MeshTestServer.Endpoint;

/** The client against {@link MeshTestServer}: the protocol, chunks, paging, retries and what is never retried. */
class MeshClientTest {

    static final String SECRET = "TestKey";
    static final String ALICE = "X26ABC1";
    static final String ALICE_PASSWORD = "alice-password";
    static final String BOB = "X26ABC2";
    static final String BOB_PASSWORD = "bob-password";

    private MeshTestServer server;

    @BeforeEach
    void start() throws IOException {
        server = MeshTestServer.start(SECRET).mailbox(ALICE, ALICE_PASSWORD).mailbox(BOB, BOB_PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MeshClient client(MeshTestServer server, String mailbox, String password, UnaryOperator<MeshClientOptions> tune) {
        MeshClientOptions options = MeshClientOptions.defaults(server.baseUrl())
                .withRetry(new MeshRetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)));
        return new MeshClient(new MeshAuthorization(mailbox, password, SECRET, Clock.systemUTC()), tune.apply(options), null);
    }

    private MeshClient alice() {
        return client(server, ALICE, ALICE_PASSWORD, o -> o);
    }

    private MeshClient bob() {
        return client(server, BOB, BOB_PASSWORD, o -> o);
    }

    private static OutgoingMessage toBob(String localId, byte[] body) {
        return new OutgoingMessage(BOB, "TEST_WORKFLOW", localId + ".txt", localId, "subject-" + localId, body);
    }

    private static byte[] text(int size) {
        byte[] body = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + random.nextInt(26));
        }
        return body;
    }

    static void assertSameBytes(byte[] expected, byte[] actual) {
        assertTrue(Arrays.equals(expected, actual), "bodies differ: expected " + expected.length + " bytes, got " + actual.length);
    }

    @Test
    void handshakeValidatesTheMailbox() {
        alice().handshake();

        assertEquals(1, server.requests(Endpoint.HANDSHAKE));
    }

    @Test
    void aWrongPasswordIsRefusedOnceAndNotShown() {
        MeshException refused = assertThrows(MeshException.class,
                () -> client(server, ALICE, "not-the-password", o -> o).handshake());

        assertEquals(403, refused.status());
        assertEquals(1, server.requests(Endpoint.HANDSHAKE), "a refusal is not retried");
        assertFalse(refused.getMessage().contains("not-the-password"));
        assertFalse(refused.getMessage().contains(SECRET));
    }

    @Test
    void aClockMoreThanTwoHoursOffIsRefused() {
        MeshAuthorization late = new MeshAuthorization(ALICE, ALICE_PASSWORD, SECRET,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(3)));
        MeshClient client = new MeshClient(late, MeshClientOptions.defaults(server.baseUrl()), null);

        assertEquals(403, assertThrows(MeshException.class, client::handshake).status());
    }

    @Test
    void aReusedTokenIsRefused() throws Exception {
        String token = new MeshAuthorization(ALICE, ALICE_PASSWORD, SECRET, Clock.systemUTC()).nextToken();
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve("/messageexchange/" + ALICE + "/inbox"))
                .header("Accept", MeshClient.ACCEPT_V2).header("Authorization", token).GET().build();
        HttpClient http = HttpClient.newHttpClient();

        assertEquals(200, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(403, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void aTokenForAnotherMailboxIsRefused() throws Exception {
        String token = new MeshAuthorization(ALICE, ALICE_PASSWORD, SECRET, Clock.systemUTC()).nextToken();
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve("/messageexchange/" + BOB + "/inbox"))
                .header("Accept", MeshClient.ACCEPT_V2).header("Authorization", token).GET().build();

        assertEquals(403, HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void sendsASmallMessageThatArrivesWithItsHeaders() {
        byte[] body = text(300);

        String id = alice().send(toBob("local-1", body));

        assertEquals(List.of(id), bob().listInbox(null));
        IncomingMessage received = bob().download(id);
        assertSameBytes(body, received.body());
        assertEquals("DATA", received.messageType());
        assertEquals("local-1", received.localId());
        assertEquals("subject-local-1", received.subject());
        assertEquals("TEST_WORKFLOW", received.workflowId());
        assertEquals(ALICE, received.from());
        assertEquals("local-1.txt", received.fileName());
        assertFalse(received.toString().contains(new String(body, StandardCharsets.US_ASCII)));
        assertEquals(0, server.requests(Endpoint.SEND_CHUNK));
    }

    @Test
    void sendsABigBodyInChunksThatAreReassembled() {
        byte[] body = text(1050);

        String id = client(server, ALICE, ALICE_PASSWORD, o -> o.withChunkSize(100)).send(toBob("chunked", body));

        assertEquals(1, server.requests(Endpoint.SEND));
        assertEquals(10, server.requests(Endpoint.SEND_CHUNK));
        assertEquals(11, server.deliveredTo(BOB).get(0).uploadedChunks());
        assertSameBytes(body, bob().download(id).body());
    }

    @Test
    void gzipsEachChunkIndependently() {
        byte[] body = text(5000);

        String id = client(server, ALICE, ALICE_PASSWORD, o -> o.withChunkSize(1000).withCompression(true))
                .send(toBob("zipped", body));

        assertTrue(server.deliveredTo(BOB).get(0).compressed());
        assertEquals(5, server.deliveredTo(BOB).get(0).uploadedChunks());
        assertSameBytes(body, bob().download(id).body());
    }

    @Test
    void listsEveryPageAndFiltersByWorkflow() {
        server.pageSize(4);
        List<String> all = new ArrayList<>();
        List<String> workflowA = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String workflow = i % 3 == 2 ? "WF_B" : "WF_A";
            String id = server.deliver(ALICE, BOB, workflow, "f" + i, "l" + i, null, "DATA", "00", null, text(10));
            all.add(id);
            if (workflow.equals("WF_A")) {
                workflowA.add(id);
            }
        }

        assertEquals(all, bob().listInbox(null));
        assertEquals(3, server.requests(Endpoint.LIST), "pages of 4, 4 and 1");
        assertEquals(workflowA, bob().listInbox("WF_A"));
        assertEquals(List.of(), alice().listInbox(null));
    }

    @Test
    void downloadsEveryChunkOfAChunkedMessage() {
        server.downloadChunkSize(64);
        byte[] body = text(1000);
        String id = server.deliver(ALICE, BOB, "TEST_WORKFLOW", "big.txt", "big", null, "DATA", "00", null, body);

        IncomingMessage received = bob().download(id);

        assertSameBytes(body, received.body());
        assertEquals(1, server.requests(Endpoint.DOWNLOAD));
        assertEquals(15, server.requests(Endpoint.DOWNLOAD_CHUNK));
        assertEquals("big", received.localId());
    }

    @Test
    void acknowledgeRemovesTheMessageFromTheInbox() {
        String id = alice().send(toBob("ack-me", text(20)));
        MeshClient bob = bob();
        bob.download(id);

        bob.acknowledge(id);

        assertEquals(List.of(), bob.listInbox(null));
        assertEquals(410, assertThrows(MeshException.class, () -> bob.download(id)).status());
    }

    @Test
    void a503OnListDownloadOrAcknowledgeIsRetried() {
        String id = alice().send(toBob("retry", text(20)));
        MeshClient bob = bob();

        server.failNext(Endpoint.LIST, 2);
        assertEquals(List.of(id), bob.listInbox(null));
        assertEquals(3, server.requests(Endpoint.LIST));

        server.failNext(Endpoint.DOWNLOAD, 2);
        assertEquals("retry", bob.download(id).localId());
        assertEquals(3, server.requests(Endpoint.DOWNLOAD));

        server.failNext(Endpoint.ACKNOWLEDGE, 1);
        bob.acknowledge(id);
        assertEquals(2, server.requests(Endpoint.ACKNOWLEDGE));
        assertEquals(List.of(), server.inbox(BOB));
    }

    @Test
    void retriesStopAfterTheConfiguredAttempts() {
        server.failNext(Endpoint.LIST, 10);

        MeshException failure = assertThrows(MeshException.class, () -> bob().listInbox(null));

        assertEquals(503, failure.status());
        assertEquals(3, server.requests(Endpoint.LIST));
    }

    @Test
    void a503OnTheFirstSendPostIsNeverRetried() {
        server.failNext(Endpoint.SEND, 1);

        MeshSendUncertain uncertain = assertThrows(MeshSendUncertain.class, () -> alice().send(toBob("once", text(20))));

        assertEquals(503, uncertain.status());
        assertEquals(1, server.requests(Endpoint.SEND), "exactly one POST");
        assertEquals(List.of(), server.deliveredTo(BOB));
    }

    @Test
    void noAnswerToTheFirstSendPostIsUncertainToo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MeshClientOptions options = MeshClientOptions.defaults(URI.create("http://127.0.0.1:" + closedPort));
        MeshClient client = new MeshClient(new MeshAuthorization(ALICE, ALICE_PASSWORD, SECRET, Clock.systemUTC()), options, null);

        MeshSendUncertain uncertain = assertThrows(MeshSendUncertain.class, () -> client.send(toBob("nobody", text(20))));

        assertEquals(0, uncertain.status());
    }

    @Test
    void aFailedLaterChunkIsRetried() {
        byte[] body = text(450);
        server.failNext(Endpoint.SEND_CHUNK, 1);

        String id = client(server, ALICE, ALICE_PASSWORD, o -> o.withChunkSize(100)).send(toBob("chunk-retry", body));

        assertEquals(1, server.requests(Endpoint.SEND));
        assertEquals(5, server.requests(Endpoint.SEND_CHUNK), "4 chunks and 1 repeat");
        assertSameBytes(body, bob().download(id).body());
    }

    @Test
    void aRefusedSendSaysWhyWithoutTheBodyOrSecrets() {
        String body = "body-text-that-must-not-leak";
        OutgoingMessage message = new OutgoingMessage("X26NOBODY", "TEST_WORKFLOW", "f.txt", "refused", null,
                body.getBytes(StandardCharsets.UTF_8));

        MeshException refused = assertThrows(MeshException.class, () -> alice().send(message));

        assertFalse(refused instanceof MeshSendUncertain, "a refusal is certain");
        assertEquals(417, refused.status());
        assertFalse(refused.getMessage().contains(body));
        assertFalse(refused.getMessage().contains(ALICE_PASSWORD));
        assertFalse(refused.getMessage().contains(SECRET));
    }
}

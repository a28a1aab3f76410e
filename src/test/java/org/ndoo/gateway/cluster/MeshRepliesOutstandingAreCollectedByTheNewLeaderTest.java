package org.ndoo.gateway.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshTestMailbox;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.NationalOptOutService;
import org.ndoo.gateway.support.PostgresTestServer;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes in mesh mode against the in-repo MESH server, their MESH wait repository in one real PostgreSQL database
 * ({@code gateway.state.*}): the leader sends a submission to the national opt-out service and is SIGKILLed while
 * the replies are outstanding; the other node takes over, collects the replies and mails exactly one result, built
 * from them, to the submitter; nothing is sent to the service again and the gateway's MESH inbox ends empty.
 */
class MeshRepliesOutstandingAreCollectedByTheNewLeaderTest extends GatewayTestSupport {

    private static final String AWAITING = ": sent to the national opt-out service over MESH; awaiting replies";

    private static MeshTestServer mesh;

    @BeforeAll
    static void startMesh() throws IOException {
        mesh = MeshTestMailbox.start(200); // the service knows the register's first 200 numbers; replies held until released
    }

    @AfterAll
    static void stopMesh() {
        mesh.close();
    }

    @Override
    protected void override(Properties properties) {
        // the nodes are separate JVMs: the in-test gateway must not take their files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
    }

    @Test
    void theNewLeaderCollectsTheRepliesAndDeliversOnce() throws Exception {
        context.stop();
        PostgresTestServer postgres = PostgresTestServer.shared();
        Map<String, String> settings = processSettings();
        settings.put("gateway.inbox.dir", inbox().toString());
        settings.putAll(MeshTestMailbox.settings(mesh));
        settings.put("gateway.lookup.mesh.sequence-file", workDir().resolve("state/mesh-sequence.properties").toString());
        settings.put("gateway.state.jdbc-url", postgres.createDatabase("mesh_replies_outstanding"));
        settings.put("gateway.state.username", postgres.username());
        settings.put("gateway.state.password", postgres.password());
        long requestsBefore = mesh.deliveredTo(NationalOptOutService.MAILBOX).size();
        try (TwoNodes cluster = new TwoNodes(root.resolve("mesh-outstanding"), settings, Duration.ofSeconds(1))) {
            cluster.start("node-a");
            String first = cluster.awaitLeader(Duration.ofSeconds(30));
            cluster.start("node-b");
            String second = cluster.other(first);

            List<String> numbers = SyntheticNhsNumbers.valid(0, 100);
            Path input = drop(SUBMITTER, "outstanding.csv", lines(numbers).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Await.until("the requests sent and the input deleted", Duration.ofSeconds(30),
                    () -> !cluster.process(first).logLines(AWAITING).isEmpty() && !Files.exists(input));
            String line = cluster.process(first).logLines(AWAITING).get(0);
            String reference = line.substring(line.indexOf("NDOO-"), line.indexOf(AWAITING));
            cluster.kill(first);
            Instant killed = Instant.now();
            Await.until("the replies released while the leader is dead", Duration.ofSeconds(10),
                    () -> mesh.optOutService().releaseResults() == 1);

            Duration failover = cluster.awaitLeads(second, killed, Duration.ofSeconds(30));
            Await.until("the new leader's delivery", Duration.ofSeconds(60),
                    () -> cluster.process(second).logContains(reference + ": delivered;"));
            Await.until("the gateway's MESH inbox emptied", Duration.ofSeconds(30),
                    () -> mesh.inbox(MeshTestMailbox.ID).isEmpty());

            MimeMessage[] mails = MAIL.getReceivedMessages();
            assertEquals(1, mails.length, "exactly one result");
            assertEquals(SUBMITTER, Mails.to(mails[0]));
            assertTrue(mails[0].getSubject().contains("outstanding.csv (" + reference + ")"), mails[0].getSubject());
            // compared whole, never printed: numbers stay out of test output
            assertTrue(("nhs_number\n" + lines(SyntheticNhsNumbers.permitted(numbers)))
                    .equals(Mails.attachment(mails[0]).csv()), "the result is built from the service's replies");
            assertEquals(1, mesh.deliveredTo(NationalOptOutService.MAILBOX).size() - requestsBefore,
                    "nothing was sent to the service again");
            System.out.printf("MESH failover: %s led %d ms after %s was killed%n", second, failover.toMillis(), first);
        }
    }
}

package org.ndoo.gateway.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the packaged jar on one shared inbox and work directory: exactly one of them, the leader, takes the
 * files; each file gets exactly its own result; the standby takes none, and says it is standby in its health detail,
 * its metric and its status page.
 */
class OnlyTheLeaderConsumesTheSharedInboxTest extends GatewayTestSupport {

    @Override
    protected void override(java.util.Properties properties) {
        // the nodes are separate JVMs: the in-test gateway must not take their files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
    }

    @Test
    void eachFileIsTakenOnceByTheLeader() throws Exception {
        context.stop();
        Map<String, String> settings = processSettings();
        settings.put("gateway.inbox.dir", inbox().toString());
        try (TwoNodes cluster = new TwoNodes(root.resolve("only-the-leader"), settings, Duration.ofSeconds(1))) {
            cluster.start("node-a");
            String leader = cluster.awaitLeader(Duration.ofSeconds(30));
            cluster.start("node-b");
            String standby = cluster.other(leader);
            assertFalse(cluster.leads(standby), "the second node stands by");

            List<Path> inputs = new ArrayList<>();
            Map<String, List<String>> permitted = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                List<String> numbers = SyntheticNhsNumbers.valid(400_000 + i * 50, 50);
                String name = "shared-" + i + ".csv";
                inputs.add(drop("staff" + i + "@nhs.net", name, lines(numbers).getBytes(StandardCharsets.US_ASCII)));
                permitted.put(name, SyntheticNhsNumbers.permitted(numbers));
            }
            MimeMessage[] mails = awaitMails(6);
            Await.until("every input deleted", Duration.ofSeconds(30), () -> inputs.stream().noneMatch(Files::exists));

            assertEquals(6, mails.length, "one result per file, none twice");
            for (MimeMessage mail : mails) {
                String name = permitted.keySet().stream().filter(n -> subject(mail).contains(n)).findFirst()
                        .orElseThrow(() -> new AssertionError("unexpected mail " + subject(mail)));
                assertSameNumbers(permitted.get(name), Mails.attachment(mail).numbers());
            }
            assertEquals(6, cluster.process(leader).logLines(": received ").size(), "the leader took every file");
            assertTrue(cluster.process(standby).logLines(": received ").isEmpty(), "the standby took none");

            TwoNodes.Node node = cluster.node(standby);
            String health = Http.get(node.observeUrl() + "/health?data=true").body();
            assertTrue(health.contains("\"role\":\"standby\"") && health.contains("\"node\":\"" + standby + "\""),
                    "the standby's health detail names its role: " + health);
            assertTrue(Http.get(node.observeUrl() + "/metrics").body().contains("ndoo_cluster_leader 0.0"));
            assertTrue(Http.get(node.statusUrl()).body().contains(standby + ", standby"));
            assertTrue(Http.get(cluster.node(leader).statusUrl()).body().contains(leader + ", leader"));
            assertFalse(cluster.leads(standby));
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}

package org.ndoo.gateway.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person signs in on the standby's front door (the real sign-in email) and sends typed numbers there: the check is
 * handed to the leader through the shared work directory, and the leader mails exactly its result, under the
 * reference the standby's page showed, to the signed-in address; also when the standby is SIGKILLed right after its
 * page answered.
 */
class WebCheckReceivedByTheStandbyIsCheckedByTheLeaderTest extends WebTestSupport {

    private String frontDoor;

    /** The standby's front door: where this test's person signs in and sends the check. */
    @Override
    protected String web() {
        return frontDoor;
    }

    @ParameterizedTest(name = "standby killed after answering: {0}")
    @ValueSource(booleans = {false, true})
    void theLeaderMailsTheResultUnderThePagesReference(boolean killStandby) throws Exception {
        context.stop();
        Map<String, String> settings = processSettings();
        try (TwoNodes cluster = new TwoNodes(root.resolve("web-standby-" + killStandby), settings,
                Duration.ofSeconds(1))) {
            cluster.start("node-a");
            String leader = cluster.awaitLeader(Duration.ofSeconds(30));
            cluster.start("node-b");
            String standby = cluster.other(leader);
            frontDoor = cluster.node(standby).webUrl().replaceAll("/$", "");

            List<String> numbers = SyntheticNhsNumbers.valid(killStandby ? 2900 : 2800, 6);
            String reference = checkTyped(signIn(SUBMITTER), numbers);
            if (killStandby) {
                cluster.kill(standby);
            }

            MimeMessage result = awaitMails(2)[1];
            assertEquals(SUBMITTER, Mails.to(result));
            assertTrue(result.getSubject().contains(reference), "the mail names the page's reference: "
                    + result.getSubject());
            assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
            Await.until("the leader's delivery logged", Duration.ofSeconds(20),
                    () -> cluster.process(leader).logContains(reference + ": delivered;"));
            assertEquals(1, cluster.process(leader).logLines(reference + ": handed over to this node, the leader")
                    .size(), "the leader took the check over once");
            assertTrue(cluster.process(standby).logLines(": delivered;").isEmpty(), "the standby checked nothing");
            assertEquals(2, MAIL.getReceivedMessages().length, "the sign-in email and the result, once");
        }
    }
}

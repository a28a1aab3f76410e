package org.ndoo.gateway.cluster;

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
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.TwoNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the packaged jar with the same SFTP source: only the leader logs in and takes the files pushed to the
 * server, each once, each its own result, each deleted from the server; killed (SIGKILL), the standby leads and
 * takes the files pushed since.
 */
class OnlyTheLeaderPollsTheSftpSourcesTest extends SftpTestSupport {

    @Override
    protected void overrideSftp(java.util.Properties properties) {
        // the nodes are separate JVMs: the in-test gateway must not take their files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
    }

    @Test
    void theLeaderTakesEachPushedFileOnceAndTheStandbyAfterIt() throws Exception {
        context.stop();
        Map<String, String> settings = processSettings();
        try (TwoNodes cluster = new TwoNodes(root.resolve("sftp-leader"), settings, Duration.ofSeconds(1))) {
            cluster.start("node-a");
            String leader = cluster.awaitLeader(Duration.ofSeconds(30));
            cluster.start("node-b");
            String standby = cluster.other(leader);

            Map<String, List<String>> permitted = new LinkedHashMap<>();
            List<Path> pushed = push(permitted, 0, 4);
            assertResults(awaitMails(4), permitted);
            Await.until("every pushed file deleted from the server", Duration.ofSeconds(30),
                    () -> pushed.stream().noneMatch(Files::exists));
            assertEquals(4, cluster.process(leader).logLines(": received ").size(), "the leader took every file");
            assertTrue(cluster.process(standby).logLines(": received ").isEmpty(), "the standby took none");

            cluster.kill(leader);
            MAIL.purgeEmailFromAllMailboxes();
            permitted.clear();
            List<Path> later = push(permitted, 4, 2);
            Await.until(standby + " leading", Duration.ofSeconds(30), () -> cluster.leads(standby));
            assertResults(awaitMails(2), permitted);
            Await.until("the later files deleted from the server", Duration.ofSeconds(30),
                    () -> later.stream().noneMatch(Files::exists));
            assertEquals(2, cluster.process(standby).logLines(": received ").size(), "the new leader took them");
        }
    }

    /** Pushes {@code count} files to submitter folders, remembering each one's permitted numbers by name. */
    private static List<Path> push(Map<String, List<String>> permitted, int first, int count) {
        List<Path> pushed = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            List<String> numbers = SyntheticNhsNumbers.valid(420_000 + i * 40, 40);
            String name = "pushed-" + i + ".csv";
            pushed.add(upload("system" + i + "@nhs.net/" + name, lines(numbers)));
            permitted.put(name, SyntheticNhsNumbers.permitted(numbers));
        }
        return pushed;
    }

    private static void assertResults(MimeMessage[] mails, Map<String, List<String>> permitted) throws Exception {
        assertEquals(permitted.size(), mails.length, "one result per file, none twice");
        for (MimeMessage mail : mails) {
            String subject = mail.getSubject();
            String name = permitted.keySet().stream().filter(subject::contains).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected mail " + subject));
            assertSameNumbers(permitted.get(name), Mails.attachment(mail).numbers());
        }
    }
}

package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.startup.WorkDirectoryLock;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway, as its own JVM, is killed with SIGKILL at many different moments (reading, between chunks, while the
 * lookup answers, while mailing) across several runs, then started again. Every submission still ends in exactly
 * its own result, to its own submitter, built from all its chunks, and nothing is left in the work area. The one
 * allowed slip is a second copy of a correct email (killed after the mail server accepted it, before the input was
 * deleted): such duplicates are counted and reported, never wrong.
 */
class SubmissionsSurviveSigkillTest extends GatewayTestSupport {

    private static final long[] KILL_AFTER_MILLIS = {0, 150, 400, 700, 1000, 1300, 1700, 2200};

    @Override
    protected void override(java.util.Properties properties) {
        // this test's gateway is a separate JVM: the in-test one must not take its files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
    }

    @Test
    void everySubmissionCompletesAfterAKill() throws Exception {
        context.stop();
        lookup.stallRequestsLargerThan(50_000, 300);
        int duplicates = 0;
        for (int run = 0; run < KILL_AFTER_MILLIS.length; run++) {
            duplicates += killAndRestart(run, KILL_AFTER_MILLIS[run]);
        }
        System.out.println("SIGKILL runs: " + KILL_AFTER_MILLIS.length + ", duplicate emails: " + duplicates);
    }

    /** One run: drop three files for two submitters, kill after {@code killAfter} ms, restart, check; returns duplicates. */
    private int killAndRestart(int run, long killAfter) throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Map<String, String> recipientOf = new HashMap<>();
        List<Path> inputs = new ArrayList<>();
        String[][] drops = {{"a@nhs.net", "big", "150000"}, {"b@nhs.net", "small", "40"}, {"a@nhs.net", "mid", "20000"}};
        int offset = 200_000 + run * 1000;
        for (String[] d : drops) {
            List<String> numbers = SyntheticNhsNumbers.valid(offset, Integer.parseInt(d[2]));
            offset += numbers.size();
            String name = "run" + run + "-" + d[1] + ".csv";
            expected.put(name, SyntheticNhsNumbers.permitted(numbers));
            recipientOf.put(name, d[0]);
            inputs.add(dropInto(d[0], name, lines(numbers)));
        }

        Map<String, String> settings = processSettings();
        GatewayProcess gateway = GatewayProcess.start(settings, root.resolve("gateway-run" + run + ".log"));
        LockSupport.parkNanos(Duration.ofMillis(killAfter + 1000).toNanos()); // the drop is read after ~1 s
        gateway.kill();

        GatewayProcess restarted = GatewayProcess.start(settings, root.resolve("gateway-run" + run + "-restart.log"));
        try {
            Await.until("every input answered and deleted", Duration.ofSeconds(90), () -> inputs.stream()
                    .noneMatch(Files::exists) && MAIL.getReceivedMessages().length >= inputs.size());
            // the running gateway's own lock file (startup.WorkDirectoryLock) is all that may stay
            Await.until("the work area emptied", Duration.ofSeconds(30), () -> filesUnder(workDir())
                    == (Files.exists(workDir().resolve(WorkDirectoryLock.FILE_NAME)) ? 1 : 0));
        } finally {
            restarted.stop();
        }

        Map<String, Integer> mailsPerFile = new HashMap<>();
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            String subject = mail.getSubject();
            String file = expected.keySet().stream().filter(subject::contains).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected email: " + subject));
            assertEquals(recipientOf.get(file), Mails.to(mail), "run " + run + ": right recipient for " + file);
            assertSameNumbers(expected.get(file), Mails.attachment(mail).numbers());
            mailsPerFile.merge(file, 1, Integer::sum);
        }
        assertEquals(expected.keySet(), mailsPerFile.keySet(), "run " + run + ": every submission answered");
        return mailsPerFile.values().stream().mapToInt(n -> n - 1).sum();
    }

    private Map<String, String> processSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        useOverridePropertiesWithPropertiesComponent().forEach((k, v) -> settings.put((String) k, (String) v));
        settings.put("gateway.inbox.dir", inbox().toString());
        settings.put("gateway.audit.file", root.resolve("crash-audit.jsonl").toString());
        return settings;
    }

    private static Path dropInto(String folder, String name, String content) {
        return drop(folder, name, content.getBytes(StandardCharsets.US_ASCII));
    }
}

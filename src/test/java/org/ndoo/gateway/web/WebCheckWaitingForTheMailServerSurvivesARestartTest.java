package org.ndoo.gateway.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.startup.WorkDirectoryLock;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A web check whose result cannot be mailed (the mail server refuses connections) is postponed for a later attempt
 * an hour away; the gateway is killed while it waits. Started again on the same work directory, it takes the check
 * up at once as its second attempt, under the reference its page showed: the exact result goes to the signed-in
 * address, /checks shows it, the work area ends empty, and no NHS number is in the log or the audit.
 */
class WebCheckWaitingForTheMailServerSurvivesARestartTest extends WebTestSupport {

    private static FaultySmtpServer smtp;

    @BeforeAll
    static void startFaultySmtp() throws IOException {
        smtp = new FaultySmtpServer(MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopFaultySmtp() throws IOException {
        smtp.close();
    }

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.mail.smtp.port", Integer.toString(smtp.port()));
        properties.setProperty("gateway.retry.resubmit-first-delay", "1h");
        properties.setProperty("gateway.retry.resubmit-max-delay", "1h");
    }

    @Test
    void thePostponedCheckIsTakenUpAgainAfterARestart() throws Exception {
        context.stop();
        smtp.mode(FaultySmtpServer.Mode.PASS);
        Map<String, String> settings = processSettings();
        List<String> numbers = SyntheticNhsNumbers.valid(2800, 4);
        Path firstLog = root.resolve("web-postponed.log");
        Path secondLog = root.resolve("web-postponed-restart.log");

        GatewayProcess first = GatewayProcess.start(settings, firstLog);
        String reference;
        try {
            String cookie = signIn(SUBMITTER);
            smtp.mode(FaultySmtpServer.Mode.REFUSE);
            String page = postMultipart("/check", cookie, Map.of("csrf", csrf(get("/check", cookie).body()),
                    "numbers", String.join("\n", numbers)), null, null).body();
            reference = referenceOn(page);
            String ref = reference;
            Await.until("the check postponed", Duration.ofSeconds(30), () -> first.logContains(ref + ": not completed"));
            Await.until("its marker brought up to date", Duration.ofSeconds(10),
                    () -> "1".equals(marker(ref).getProperty("attempts")));
        } finally {
            first.kill();
        }
        Properties marker = marker(reference);
        assertEquals(SUBMITTER, marker.getProperty("submitter"));
        assertEquals("The mail service was unavailable", marker.getProperty("waiting-for"));
        assertFalse(marker.getProperty("first-attempt", "").isEmpty(), "the first attempt's time is kept");
        smtp.mode(FaultySmtpServer.Mode.PASS);

        GatewayProcess second = GatewayProcess.start(settings, secondLog);
        try {
            MimeMessage result = awaitMails(2)[1];
            assertEquals(SUBMITTER, Mails.to(result));
            assertTrue(result.getSubject().startsWith("NDOO check result") && result.getSubject().contains(reference),
                    result.getSubject());
            assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
            assertEquals(1, second.logLines(reference + ": taken up again after a restart, 1 attempt(s) before it")
                    .size(), second.log());
            assertEquals(1, second.logLines(reference + ": received " + marker.getProperty("bytes")
                    + " bytes from web, attempt 2").size(), second.log());

            String cookie = signIn(SUBMITTER);
            Await.until("the check on /checks, sent", Duration.ofSeconds(10), () -> {
                String checks = get("/checks", cookie).body();
                return checks.contains(reference) && checks.contains("Sent to you");
            });
            Await.until("the work area empty", Duration.ofSeconds(10), () -> filesUnder(workDir())
                    == (Files.exists(workDir().resolve(WorkDirectoryLock.FILE_NAME)) ? 1 : 0));
        } finally {
            second.stop();
        }
        assertEquals(3, MAIL.getReceivedMessages().length, "two sign-in emails and the result, once");
        String audit = Files.readString(auditFile(), StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"event\":\"resumed-after-restart\",\"reference\":\"" + reference + "\""), audit);
        for (Path log : List.of(firstLog, secondLog)) {
            assertFalse(holdsAny(Files.readString(log, StandardCharsets.UTF_8), numbers), "no NHS number in " + log);
        }
        assertFalse(holdsAny(audit, numbers), "no NHS number in the audit");
    }

    private static Properties marker(String reference) {
        Properties p = new Properties();
        Path file = workDir().resolve(reference).resolve(WorkArea.WEB_MARKER);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(in);
            } catch (IOException e) {
                // being replaced: read again at the next look
            }
        }
        return p;
    }
}

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

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A web check whose result cannot be mailed (the mail server refuses connections) is postponed for a later attempt
 * an hour away; the gateway is killed while it waits. Started again on the same work directory, it takes the check
 * up at once as its second attempt, under the reference its page showed: the exact result goes to the signed-in
 * address, /checks shows it, the work area ends empty, and no NHS number is in the log or the audit.
 */
class WebCheckWaitingForTheMailServerSurvivesARestartTest extends WebTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.retry.resubmit-first-delay", "1h");
        properties.setProperty("gateway.retry.resubmit-max-delay", "1h");
    }

    @Test
    void thePostponedCheckIsTakenUpAgainAfterARestart() throws Exception {
        context.stop();
        List<String> numbers = SyntheticNhsNumbers.valid(2800, 4);
        Path firstLog = root.resolve("web-postponed.log");
        Path secondLog = root.resolve("web-postponed-restart.log");
        try (FaultySmtpServer smtp = new FaultySmtpServer(MAIL.getSmtp().getPort())) {
            Map<String, String> settings = processSettings();
            settings.put("gateway.mail.smtp.port", Integer.toString(smtp.port()));
            smtp.mode(FaultySmtpServer.Mode.PASS);

            GatewayProcess first = GatewayProcess.start(settings, firstLog);
            String reference;
            try {
                String cookie = signIn(SUBMITTER);
                smtp.mode(FaultySmtpServer.Mode.REFUSE);
                reference = checkTyped(cookie, numbers);
                Await.until("the check postponed, its marker brought up to date", Duration.ofSeconds(30),
                        () -> first.logContains(reference + ": not completed")
                                && "1".equals(marker(reference).getProperty("attempts")));
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
                assertDeliveredUnderItsReference(reference, numbers);
                assertEquals(1, second.logLines(reference + ": taken up again after a restart, 1 attempt(s) before"
                        + " it").size(), second.log());
                assertEquals(1, second.logLines(reference + ": received " + marker.getProperty("bytes")
                        + " bytes from web, attempt 2").size(), second.log());
            } finally {
                second.stop();
            }
            assertResumedWithoutNhsNumbers(reference, numbers, firstLog, secondLog);
        }
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

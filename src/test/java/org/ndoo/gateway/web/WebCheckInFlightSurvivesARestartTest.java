package org.ndoo.gateway.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.startup.WorkDirectoryLock;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A web check whose lookup never answers is killed with SIGKILL in flight: after the gateway starts again on the same
 * work directory, the check is taken up again under the reference its page showed, its exact result goes to the
 * signed-in address, /checks shows it, the work area ends empty, and no NHS number is in the log or the audit.
 */
class WebCheckInFlightSurvivesARestartTest extends WebTestSupport {

    @Test
    void theKilledCheckEndsInItsResultUnderItsReference() throws Exception {
        context.stop();
        Map<String, String> settings = processSettings();
        List<String> numbers = SyntheticNhsNumbers.valid(2700, 6);
        lookup.holdFromRequest(1);

        GatewayProcess first = GatewayProcess.start(settings, root.resolve("web-in-flight.log"));
        String reference;
        try {
            String cookie = signIn(SUBMITTER);
            String page = postMultipart("/check", cookie, Map.of("csrf", csrf(get("/check", cookie).body()),
                    "numbers", String.join("\n", numbers)), null, null).body();
            reference = referenceOn(page);
            Await.until("the lookup holding the check", Duration.ofSeconds(30), () -> lookup.held() > 0);
        } finally {
            first.kill();
        }
        assertFalse(first.logContains(reference + ": delivered"), "killed before the end");
        assertTrue(Files.exists(workDir().resolve(reference).resolve(WorkArea.WEB_MARKER)), "the check is marked");
        lookup.release();

        GatewayProcess second = GatewayProcess.start(settings, root.resolve("web-in-flight-restart.log"));
        try {
            MimeMessage result = awaitMails(2)[1];
            assertEquals(SUBMITTER, Mails.to(result));
            assertTrue(result.getSubject().startsWith("NDOO check result") && result.getSubject().contains(reference),
                    result.getSubject());
            assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
            assertEquals(1, second.logLines(reference + ": taken up again after a restart").size(), second.log());

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
        for (Path log : List.of(root.resolve("web-in-flight.log"), root.resolve("web-in-flight-restart.log"))) {
            assertFalse(holdsAny(Files.readString(log, StandardCharsets.UTF_8), numbers), "no NHS number in " + log);
        }
        assertFalse(holdsAny(audit, numbers), "no NHS number in the audit");
    }
}

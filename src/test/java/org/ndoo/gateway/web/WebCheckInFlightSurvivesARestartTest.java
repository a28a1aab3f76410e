package org.ndoo.gateway.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayProcess;
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
            reference = checkTyped(signIn(SUBMITTER), numbers);
            Await.until("the lookup holding the check", Duration.ofSeconds(30), () -> lookup.held() > 0);
        } finally {
            first.kill();
        }
        assertFalse(first.logContains(reference + ": delivered"), "killed before the end");
        assertTrue(Files.exists(workDir().resolve(reference).resolve(WorkArea.WEB_MARKER)), "the check is marked");
        lookup.release();

        GatewayProcess second = GatewayProcess.start(settings, root.resolve("web-in-flight-restart.log"));
        try {
            assertDeliveredUnderItsReference(reference, numbers);
            assertEquals(1, second.logLines(reference + ": taken up again after a restart").size(), second.log());
        } finally {
            second.stop();
        }
        assertResumedWithoutNhsNumbers(reference, numbers, root.resolve("web-in-flight.log"),
                root.resolve("web-in-flight-restart.log"));
    }
}

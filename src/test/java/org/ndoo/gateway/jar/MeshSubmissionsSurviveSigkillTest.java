package org.ndoo.gateway.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndoo.gateway.startup.WorkDirectoryLock;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshTestMailbox;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.NationalOptOutService;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code target/ndoo-gateway.jar} in mesh mode, against the in-repo MESH server, killed with SIGKILL while a
 * submission waits: between the requests going out and the service's reply (after "awaiting replies", the input
 * already deleted, the reply held back by the test service), and between the reply and the result mail (the reply
 * collected, the mail received whole by the mail server but never answered). Each kill is checked to have landed
 * inside the submission. After a restart the submission ends in exactly one correct result to its submitter, nothing
 * is sent to the service again, no reply is left in the gateway's MESH inbox and the work area is empty. Neither
 * moment is in the README's window for a duplicate (no mail was accepted, the input was already gone), so none is
 * allowed.
 */
class MeshSubmissionsSurviveSigkillTest extends JarTestSupport {

    private static final String AWAITING = ": sent to the national opt-out service over MESH; awaiting replies";

    private static MeshTestServer mesh;
    private static FaultySmtpServer smtp;

    /** Where the kill lands. */
    enum Moment { BETWEEN_SEND_AND_REPLY, BETWEEN_REPLY_AND_MAIL }

    @BeforeAll
    static void startEdges() throws IOException {
        mesh = MeshTestMailbox.start(200); // replies held until the test releases them
        smtp = new FaultySmtpServer(MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopEdges() throws IOException {
        mesh.close();
        smtp.close();
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void killedMeshSubmissionEndsInExactlyOneResult(Moment moment) throws Exception {
        smtp.mode(moment == Moment.BETWEEN_REPLY_AND_MAIL ? FaultySmtpServer.Mode.HOLD_BEFORE_ACCEPT
                : FaultySmtpServer.Mode.ACCEPT);
        smtp.accepted().clear();
        smtp.held().clear();
        long requestsBefore = requestsToTheService();
        Path dir = newDir();
        Map<String, String> settings = meshSettings(dir);
        List<String> numbers = SyntheticNhsNumbers.valid(moment.ordinal() * 100, 100);
        Path input = drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(numbers));

        GatewayProcess gateway = startJar(settings, dir);
        try {
            Await.until("the requests sent and the input deleted", Duration.ofSeconds(30),
                    () -> !gateway.logLines(AWAITING).isEmpty() && !Files.exists(input));
            if (moment == Moment.BETWEEN_REPLY_AND_MAIL) {
                Await.until("the reply released", Duration.ofSeconds(10), () -> mesh.optOutService().releaseResults() == 1);
                Await.until("the result mail received by the mail server, unanswered", Duration.ofSeconds(30),
                        () -> !smtp.held().isEmpty());
            }
        } finally {
            gateway.kill();
        }
        String reference = referenceIn(gateway.logLines(AWAITING).get(0));
        assertFalse(gateway.log().contains(reference + ": delivered"), moment + ": the kill landed before the end");
        assertTrue(smtp.accepted().isEmpty(), moment + ": no mail accepted before the kill");
        assertTrue(filesUnder(dir.resolve("work")) > 1, moment + ": the waiting submission is in the work area");
        if (moment == Moment.BETWEEN_SEND_AND_REPLY) {
            Await.until("the reply released while the gateway is down", Duration.ofSeconds(10),
                    () -> mesh.optOutService().releaseResults() == 1);
        }
        smtp.mode(FaultySmtpServer.Mode.ACCEPT);

        GatewayProcess restarted = startJar(settings, dir);
        Await.until("one result accepted", Duration.ofSeconds(60), () -> !smtp.accepted().isEmpty());
        Await.until("the work area emptied", Duration.ofSeconds(30), () -> filesUnder(dir.resolve("work"))
                == (Files.exists(dir.resolve("work").resolve(WorkDirectoryLock.FILE_NAME)) ? 1 : 0));
        Await.until("the gateway's MESH inbox emptied", Duration.ofSeconds(30), () -> mesh.inbox(MeshTestMailbox.ID).isEmpty());
        Await.until("the submission closed", Duration.ofSeconds(30),
                () -> restarted.logContains(reference + ": delivered"));
        restarted.stop();

        assertEquals(1, smtp.accepted().size(), moment + ": exactly one result, no duplicate");
        MimeMessage mail = Mails.parse(smtp.accepted().get(0));
        assertEquals(SUBMITTER, Mails.to(mail));
        assertTrue(mail.getSubject().contains("cohort.csv (" + reference + ")"), mail.getSubject());
        // compared whole, but never printed: numbers stay out of test output
        assertTrue(("nhs_number\n" + lines(SyntheticNhsNumbers.permitted(numbers))).equals(Mails.attachment(mail).csv()),
                moment + ": the result is built from the service's whole reply, in input order");
        assertEquals(1, requestsToTheService() - requestsBefore, moment + ": nothing was sent to the service again");
    }

    private static Map<String, String> meshSettings(Path dir) {
        Map<String, String> s = smtp(settings(dir), smtp.port());
        s.putAll(MeshTestMailbox.settings(mesh));
        return s;
    }

    private static long requestsToTheService() {
        return mesh.deliveredTo(NationalOptOutService.MAILBOX).size();
    }

    private static String referenceIn(String line) {
        return line.substring(line.indexOf("NDOO-"), line.indexOf(AWAITING));
    }

    /** Files in the work area, not counting the wait repository's own database ({@code state/}). */
    private static long filesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        Path state = dir.resolve(org.ndoo.gateway.submission.WorkArea.STATE_DIR);
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(state)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndoo.gateway.startup.WorkDirectoryLock;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.FaultySmtpTestSupport;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.KillMoment;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway, as its own JVM, is killed with SIGKILL at a chosen moment of a submission's life, recognised by what
 * the gateway itself shows (its log lines, the mail server's view), then started again. Each kill is checked to have
 * landed inside the submission (the event seen, the submission not finished). After the restart every submission
 * ends in exactly its own result, to its own submitter, built from all its chunks, and nothing is left in the work
 * area. The README allows one duplicate, only for a kill "between the mail server accepting the message and the
 * input's deletion": a second mail is expected exactly for a submission whose mail was accepted while its input was
 * still there at the kill, and for no other.
 */
class SubmissionsSurviveSigkillTest extends FaultySmtpTestSupport {


    /** One dropped file: its submitter, its name, its expected result, its size as the gateway logs it. */
    private record Drop(String submitter, String name, Path input, List<String> permitted, long bytes) {
    }

    @Override
    protected void overrideMail(Properties properties) {
        // this test's gateway is a separate JVM: the in-test one must not take its files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
        properties.setProperty("gateway.lookup.chunk-size", Integer.toString(KillMoment.CHUNK));
    }

    @BeforeEach
    void acceptEveryMail() {
        smtp.mode(FaultySmtpServer.Mode.ACCEPT);
        smtp.accepted().clear();
        smtp.held().clear();
    }

    @ParameterizedTest
    @EnumSource(KillMoment.class)
    void killedSubmissionsEndInExactlyTheirOwnResult(KillMoment moment) throws Exception {
        context.stop();
        int offset = 100_000 + moment.ordinal() * 70_000;
        Drop target = drop(moment, "a@nhs.net", "target", offset, moment.rows);
        Drop bystander = drop(moment, "b@nhs.net", "bystander", offset + moment.rows, 40);
        Map<String, String> settings = processSettings();
        moment.hold(lookup, smtp, SyntheticNhsNumbers.valid(offset, 1).get(0));

        GatewayProcess gateway = GatewayProcess.start(settings, root.resolve("gateway-" + moment + ".log"));
        String reference;
        try {
            Await.until("the target received", Duration.ofSeconds(30), () -> referenceOf(gateway, target).isPresent());
            reference = referenceOf(gateway, target).orElseThrow();
            Await.until("the moment " + moment, Duration.ofSeconds(60), () -> moment.reached(gateway, smtp, reference, target.name()));
        } finally {
            gateway.kill();
        }
        String logAtKill = gateway.log();
        assertFalse(logAtKill.contains(reference + ": delivered"), moment + ": the kill landed before the end");
        assertTrue(Files.exists(target.input()), moment + ": the kill landed before the input's deletion");
        if (moment != KillMoment.AFTER_MAIL_ACCEPTED) {
            assertEquals(0, mailsFor(target), moment + ": no result accepted before the kill");
        }
        if (moment == KillMoment.WHILE_READING) {
            assertFalse(logAtKill.contains(reference + ": " + moment.rows + " rows,"), "killed while reading");
        }
        Map<Drop, Long> expectedMails = new LinkedHashMap<>();
        for (Drop d : List.of(target, bystander)) {
            // the README's one window for a duplicate: accepted by the mail server, input not yet deleted
            expectedMails.put(d, 1L + (mailsFor(d) > 0 && Files.exists(d.input()) ? 1 : 0));
        }
        lookup.release();
        smtp.mode(FaultySmtpServer.Mode.ACCEPT);

        GatewayProcess restarted = GatewayProcess.start(settings, root.resolve("gateway-" + moment + "-restart.log"));
        try {
            Await.until("every input answered and deleted", Duration.ofSeconds(90), () -> !Files.exists(target.input())
                    && !Files.exists(bystander.input()));
            // the running gateway's own lock file (startup.WorkDirectoryLock) is all that may stay
            Await.until("the work area emptied", Duration.ofSeconds(30), () -> filesUnder(workDir())
                    == (Files.exists(workDir().resolve(WorkDirectoryLock.FILE_NAME)) ? 1 : 0));
        } finally {
            restarted.stop();
        }
        for (Map.Entry<Drop, Long> expected : expectedMails.entrySet()) {
            assertEquals((long) expected.getValue(), mailsFor(expected.getKey()), moment + ": mails for "
                    + expected.getKey().name());
        }
        for (String raw : smtp.accepted()) {
            MimeMessage mail = Mails.parse(raw);
            Drop d = List.of(target, bystander).stream().filter(x -> subjectOf(mail).contains(x.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected email: " + subjectOf(mail)));
            assertEquals(d.submitter(), Mails.to(mail), moment + ": right recipient for " + d.name());
            assertSameNumbers(d.permitted(), Mails.attachment(mail).numbers());
        }
    }

    /** The reference the gateway gave the target, from its "received N bytes" line. */
    private static Optional<String> referenceOf(GatewayProcess gateway, Drop target) {
        return gateway.logLines(": received " + target.bytes() + " bytes from").stream().findFirst()
                .map(line -> line.substring(line.indexOf("NDOO-"), line.indexOf(": received")));
    }

    private static long mailsFor(Drop d) {
        return smtp.accepted().stream().filter(raw -> subjectOf(Mails.parse(raw)).contains(d.name())).count();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static Drop drop(KillMoment moment, String submitter, String what, int offset, int rows) {
        List<String> numbers = SyntheticNhsNumbers.valid(offset, rows);
        String name = moment.name().toLowerCase().replace('_', '-') + "-" + what + ".csv";
        String content = lines(numbers);
        Path input = drop(submitter, name, content.getBytes(StandardCharsets.US_ASCII));
        return new Drop(submitter, name, input, SyntheticNhsNumbers.permitted(numbers), content.length());
    }

    @Override
    protected Map<String, String> processSettings() {
        Map<String, String> settings = super.processSettings();
        settings.put("gateway.inbox.dir", inbox().toString());
        settings.put("gateway.audit.file", root.resolve("crash-audit.jsonl").toString());
        return settings;
    }
}

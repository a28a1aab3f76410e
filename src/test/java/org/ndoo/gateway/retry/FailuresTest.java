package org.ndoo.gateway.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.mesh.MeshException;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.UntrustedSubmission;

/** Every class of failure, classified once: outcome, reason, who is told, retried in place and/or later. */
class FailuresTest {

    private final RetryScheduleTest.MutableClock clock = new RetryScheduleTest.MutableClock();
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofHours(1), "1h", clock);
    private final Failures failures = new Failures(schedule);
    private final Path input = Path.of("/inbox/a@nhs.net/list.csv");
    private final Submission submission = new Submission("NDOO-20250101-090000-AAAAA", "shared-folder", input,
            "a@nhs.net", 10);

    @Test
    void anUntrustedSubmitterIsRefusedToTheOperator() {
        Failure f = failures.classify(wrapped(new UntrustedSubmission("not an address")), submission);
        assertKind(f, "refused", Failure.Told.OPERATOR, false, false);
    }

    @Test
    void aBadFileTellsTheSubmitterWhy() {
        Failure f = failures.classify(new SubmissionRejected("The file holds no valid NHS number."), submission);
        assertKind(f, "failed", Failure.Told.SUBMITTER, false, false);
        assertEquals("The file holds no valid NHS number.", f.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 407})
    void aLookupRefusingTheGatewayIsAConfigurationProblemForBoth(int status) {
        Failure f = failures.classify(wrapped(http(status)), submission);
        assertKind(f, "failed", Failure.Told.BOTH, false, false);
        assertEquals("gateway configuration: the lookup answered HTTP " + status, f.detail());
        assertFalse(failures.isRetriedInPlace(http(status)), "not retried in place");
    }

    @Test
    void aLookupRefusingTheRequestForGoodTellsTheSubmitter() {
        assertKind(failures.classify(http(400), submission), "failed", Failure.Told.SUBMITTER, false, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void aLookupOutageIsRetriedInPlaceThenPostponed(int status) {
        schedule.begin(submission);
        Failure f = failures.classify(http(status), submission);
        assertKind(f, Failure.POSTPONED, Failure.Told.NOBODY, true, true);
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), f.nextAttempt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        assertTrue(f.summary().startsWith("not completed (the opt-out lookup is unavailable: HTTP " + status
                + "); the input stays and is tried again from "), f.summary());
    }

    @Test
    void anOutageGivesUpAtMaxAgeTellingBoth() {
        schedule.begin(submission);
        clock.advance(Duration.ofHours(2));
        Failure f = failures.classify(wrapped(new ConnectException("Connection refused")), submission);
        assertKind(f, "gave-up", Failure.Told.BOTH, true, true);
        assertEquals("The opt-out lookup service was unavailable for longer than the gateway waits (1h), so the file"
                + " was not checked. The gateway operator has been told. Send it again later.", f.reason());
    }

    @Test
    void aBadCertificateIsAConfigurationProblemNotRetried() {
        Failure f = failures.classify(wrapped(new SSLHandshakeException("PKIX path building failed")), submission);
        assertKind(f, "failed", Failure.Told.BOTH, false, false);
        assertTrue(f.detail().startsWith("gateway configuration: TLS handshake failed"), f.detail());
        assertFalse(failures.isRetriedInPlace(new SSLHandshakeException("bad certificate")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void meshRefusingTheMailboxIsAConfigurationProblem(int status) {
        assertKind(failures.classify(new MeshException("MESH send failed: HTTP " + status, status), submission),
                "failed", Failure.Told.BOTH, false, false);
    }

    @Test
    void meshWithoutAnAnswerIsAnOutage() {
        schedule.begin(submission);
        assertKind(failures.classify(new MeshException("no answer", 0), submission), Failure.POSTPONED,
                Failure.Told.NOBODY, true, true);
    }

    @Test
    void mailRefusedForGoodIsUndeliverableToTheOperator() throws Exception {
        Failure f = failures.classify(wrapped(new SMTPAddressFailedException(new InternetAddress("a@nhs.net"), "RCPT",
                550, "no such user")), submission);
        assertKind(f, "undeliverable", Failure.Told.OPERATOR, false, false);
    }

    @Test
    void aTemporaryMailFailureIsRetried() {
        SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 451, "try later", null, null, null, null);
        assertTrue(failures.isRetriedInPlace(busy));
        assertEquals("the mail server is unavailable (SMTPSendFailedException)", failures.classify(busy, null).detail());
        assertTrue(failures.isRetriedInPlace(new MessagingException("connect", new ConnectException())));
    }

    @Test
    void runningOutOfMemoryTellsBothAndIsNotRetried() {
        Failure f = failures.classify(wrapped(new OutOfMemoryError("Java heap space")), submission);
        assertKind(f, "failed", Failure.Told.BOTH, false, false);
        assertTrue(f.reason().startsWith("The gateway ran out of memory"), f.reason());
    }

    @Test
    void anUnreadableInputNamesTheFileNotTheLookup() {
        Failure f = failures.classify(new UncheckedIOException(new AccessDeniedException(input.toString())), submission);
        assertKind(f, "failed", Failure.Told.BOTH, false, false);
        assertEquals("the input could not be read: /inbox/a@nhs.net/list.csv", f.detail());
        assertFalse(f.reason().contains("lookup") || f.reason().contains("mail"), f.reason());
    }

    @Test
    void anUnusableWorkDirectoryWaitsWithoutInPlaceRetries() {
        schedule.begin(submission);
        Failure f = failures.classify(new UncheckedIOException(new FileAlreadyExistsException("/work")), submission);
        assertKind(f, Failure.POSTPONED, Failure.Told.NOBODY, false, true);
        assertNotNull(f.nextAttempt());
        assertEquals("the work directory is unusable (FileAlreadyExistsException on /work)", f.detail());
    }

    @Test
    void aFullDiskWaits() {
        schedule.begin(submission);
        Failure f = failures.classify(new UncheckedIOException(new IOException("No space left on device")), submission);
        assertKind(f, Failure.POSTPONED, Failure.Told.NOBODY, false, true);
        assertEquals("the gateway's disk is full", f.detail());
    }

    @Test
    void aSubmissionWithoutScheduleIsPostponedToTheNextPoll() {
        Failure f = failures.classify(new MeshException("no answer", 0), submission);
        assertKind(f, Failure.POSTPONED, Failure.Told.NOBODY, true, true);
        assertTrue(f.summary().endsWith("; tried again at the next poll"), f.summary());
    }

    private static void assertKind(Failure f, String outcome, Failure.Told told, boolean inPlace, boolean later) {
        assertEquals(outcome, f.outcome(), f.toString());
        assertEquals(told, f.told(), f.toString());
        assertEquals(inPlace, f.inPlace(), "in place: " + f);
        assertEquals(later, f.later(), "later: " + f);
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://127.0.0.1/lookup", status, "status", null, Map.of(), "");
    }

    /** As Camel hands it over: wrapped. */
    private static Throwable wrapped(Throwable cause) {
        return new CamelExecutionException("Exception occurred during execution", null, cause);
    }
}

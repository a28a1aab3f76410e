package org.ndoo.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.UntrustedSubmission;

class SubmissionIntakeTest {

    private static final String REFERENCE = "NDOO-\\d{8}-\\d{6}-[ABCDEFGHJKMNPQRSTVWXYZ23456789]{5}";

    private final SubmissionIntake intake = new SubmissionIntake(new AllowedDomains("nhs.net"));

    @ParameterizedTest
    @CsvSource({
            "a@nhs.net,            a@nhs.net",
            "a@NHS.NET,            a@nhs.net",
            "First.Last@Nhs.Net,   First.Last@nhs.net"})
    void acceptsAnAllowedAddressWithItsDomainInLowerCase(String folder, String expected) {
        Submission submission = submission(folder, "list.csv");

        Submission trusted = intake.checkSubmitter(submission);

        assertEquals(expected, trusted.getSubmitter());
        assertTrue(trusted.isSubmitterTrusted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a@gmail.com", "a@nhs.net,b@nhs.net", "\"quoted\"@nhs.net",
            "a@nhs.net\r\nBcc: x@nhs.net", "Name <a@nhs.net>", "a@sub.nhs.net", "a@nhs.net.example.org", "nhs.net"})
    void refusesAnythingButOneAllowedAddress(String folder) {
        Submission submission = submission(folder, "list.csv");

        UntrustedSubmission e = assertThrows(UntrustedSubmission.class, () -> intake.checkSubmitter(submission));

        assertNull(submission.getSubmitter());
        assertFalse(submission.isSubmitterTrusted());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), "the folder is quoted safely");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list.csv", "LIST.CSV", "numbers.txt", "Numbers.Txt", "mesh.dat", "MESH.DAT"})
    void acceptsCsvTextAndDatFilesInAnyCase(String fileName) {
        assertDoesNotThrow(() -> intake.checkFileType(submission("a@nhs.net", fileName)));
    }

    @Test
    void refusesASpreadsheetSayingToSaveAsCsv() {
        SubmissionRejected e = assertThrows(SubmissionRejected.class,
                () -> intake.checkFileType(submission("a@nhs.net", "patients.xlsx")));

        assertTrue(e.getMessage().contains("'.xlsx'"), e.getMessage());
        assertTrue(e.getMessage().contains("Save as"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"patients.zip", "patients.csv.gz", "patients", "patients.pdf"})
    void refusesOtherTypes(String fileName) {
        SubmissionRejected e = assertThrows(SubmissionRejected.class,
                () -> intake.checkFileType(submission("a@nhs.net", fileName)));

        assertTrue(e.getMessage().contains("Accepted types are .csv, .txt and .dat."), e.getMessage());
        assertFalse(e instanceof UntrustedSubmission, "the submitter can be told");
    }

    @Test
    void referenceIsStampedWithTheTimeAndFiveRandomCharacters() {
        LocalDateTime before = LocalDateTime.now().withNano(0);
        String reference = SubmissionIntake.newReference();
        LocalDateTime after = LocalDateTime.now();

        assertTrue(reference.matches(REFERENCE), reference);
        LocalDateTime stamp = LocalDateTime.parse(reference.substring(5, 20), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        assertFalse(stamp.isBefore(before) || stamp.isAfter(after), stamp + " not between " + before + " and " + after);
    }

    @Test
    void referencesDiffer() {
        assertFalse(SubmissionIntake.newReference().equals(SubmissionIntake.newReference()));
    }

    @ParameterizedTest
    @CsvSource({
            "a@nhs.net/list.csv,     a@nhs.net",
            "list.csv,               ''",
            "a@nhs.net/sub/list.csv, a@nhs.net/sub"})
    void openTakesTheSubmitterFolderFromTheRelativePath(String relativePath, String folder) {
        Submission submission = intake.open("/inbox/" + relativePath, relativePath, 42, "shared-folder");

        assertEquals(folder, submission.getSubmitterFolder());
        assertEquals(Path.of("/inbox/" + relativePath), submission.getInput());
        assertEquals(42, submission.getByteSize());
        assertEquals("shared-folder", submission.getSource());
        assertTrue(submission.getReference().matches(REFERENCE), submission.getReference());
        assertNull(submission.getSubmitter(), "not trusted until checked");
    }

    @Test
    void refusesAFileInASubFolderToTheOperator() {
        Submission submission = intake.open("/inbox/a@nhs.net/sub/list.csv", "a@nhs.net/sub/list.csv", 42, "shared-folder");

        UntrustedSubmission e = assertThrows(UntrustedSubmission.class, () -> intake.checkSubmitter(submission));
        assertTrue(e.getMessage().startsWith("The file was in a sub-folder ('a@nhs.net/sub')"), e.getMessage());
    }

    private static Submission submission(String folder, String fileName) {
        return new Submission("NDOO-20250101-120000-TEST1", "shared-folder", Path.of("/inbox", "x", fileName), folder, 10);
    }
}

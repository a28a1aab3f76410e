package org.ndoo.gateway.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionTest {

    @ParameterizedTest
    @CsvSource({
            "list.csv,        list,        csv",
            "List.CSV,        List,        csv",
            "mesh.tar.gz,     mesh.tar,    gz",
            "noextension,     noextension, ''",
            ".hidden,         .hidden,     ''"})
    void splitsTheFileName(String fileName, String baseName, String extension) {
        Submission submission = new Submission("R", "shared-folder", Path.of("/inbox/a@nhs.net", fileName), "a@nhs.net", 1);

        assertEquals(fileName, submission.getFileName());
        assertEquals(baseName, submission.getBaseName());
        assertEquals(extension, submission.getExtension());
    }

    @Test
    void isUntrustedUntilASubmitterIsSet() {
        Submission submission = new Submission("R", "shared-folder", Path.of("/inbox/a@nhs.net/list.csv"), "a@nhs.net", 1);
        assertFalse(submission.isSubmitterTrusted());

        Submission trusted = submission.trusted("a@nhs.net");

        assertTrue(trusted.isSubmitterTrusted());
        assertFalse(submission.isSubmitterTrusted(), "the untrusted submission stays as it was");
    }

    @ParameterizedTest
    @CsvSource({"1, 1 byte", "0, 0 bytes", "250000000, 250000000 bytes"})
    void saysItsSizeInTheRightNumber(long bytes, String words) {
        Submission submission = new Submission("R", "shared-folder", Path.of("/inbox/a@nhs.net/x.csv"), "a@nhs.net", bytes);

        assertEquals(words, submission.getSizeInWords());
    }
}

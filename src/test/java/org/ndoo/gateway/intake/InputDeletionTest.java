package org.ndoo.gateway.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.submission.FileIdentity;
import org.ndoo.gateway.submission.Submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDeletionTest {

    @TempDir
    Path folder;

    @Test
    void deletesTheFileThatWasReadAndItsDoneFile() throws Exception {
        Path input = Files.writeString(folder.resolve("list.csv"), "9990000018\n");
        Path done = Files.createFile(folder.resolve("list.csv.done"));
        Submission submission = opened(input);

        assertTrue(new InputDeletion(new DoneFiles("${file:name}.done")).deleteIfUnchanged(submission));
        assertFalse(Files.exists(input));
        assertFalse(Files.exists(done));
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "nothing left aside");
        }
    }

    @Test
    void keepsAFileRenamedOverTheInputAndItsDoneFile() throws Exception {
        Path input = Files.writeString(folder.resolve("list.csv"), "9990000018\n");
        Submission submission = opened(input);
        Path replacement = Files.writeString(folder.resolve(".list.part"), "9990000026\n9990000034\n");
        Files.move(replacement, input, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path done = Files.createFile(folder.resolve("list.csv.done"));

        assertFalse(new InputDeletion(new DoneFiles("${file:name}.done")).deleteIfUnchanged(submission));
        assertEquals("9990000026\n9990000034\n", Files.readString(input));
        assertTrue(Files.exists(done), "the replacement keeps its done file");
    }

    @Test
    void keepsAFileChangedInPlaceSinceItWasOpened() throws Exception {
        Path input = Files.writeString(folder.resolve("list.csv"), "9990000018\n");
        Submission submission = opened(input);
        Files.writeString(input, "9990000026\n", java.nio.file.StandardOpenOption.APPEND);

        assertFalse(new InputDeletion(new DoneFiles("")).deleteIfUnchanged(submission));
        assertTrue(Files.exists(input));
    }

    private static Submission opened(Path input) {
        return new Submission("NDOO-20261201-120000-AAAAA", "shared-folder", input, "a@nhs.net",
                input.toFile().length(), FileIdentity.of(input));
    }
}

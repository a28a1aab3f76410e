package org.ndoo.gateway.submission;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkAreaTest {

    @TempDir
    Path tempDir;

    private final Submission submission = new Submission("NDOO-20250101-090000-AAAAA", "shared-folder",
            Path.of("/inbox/a@nhs.net/list.csv"), "a@nhs.net", 1);

    @Test
    void createsAPrivateFolderNamedAfterTheReference() throws IOException {
        WorkArea area = new WorkArea(tempDir.resolve("work").toString());

        Path dir = area.create(submission).getWorkDir();

        assertEquals(tempDir.resolve("work/NDOO-20250101-090000-AAAAA"), dir);
        assertTrue(Files.isDirectory(dir));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
    }

    @Test
    void refusesToReuseAnExistingFolder() {
        WorkArea area = new WorkArea(tempDir.toString());
        area.create(submission);

        assertThrows(UncheckedIOException.class, () -> area.create(submission));
    }

    @Test
    void cleanUpDeletesTheFolderAndEverythingInIt() throws IOException {
        WorkArea area = new WorkArea(tempDir.toString());
        Submission inFolder = area.create(submission);
        Path dir = inFolder.getWorkDir();
        Files.writeString(dir.resolve("valid-numbers.txt"), "9990000018\n");
        Files.writeString(Files.createDirectories(dir.resolve("chunks")).resolve("1.txt"), "9990000018\n");

        area.cleanUp(inFolder);

        assertFalse(Files.exists(dir));
        assertTrue(Files.isDirectory(tempDir), "the work root stays");
        assertDoesNotThrow(() -> area.cleanUp(inFolder), "cleaning up twice is harmless");
    }

    @Test
    void cleanUpWithoutAFolderDoesNothing() {
        assertDoesNotThrow(() -> new WorkArea(tempDir.toString()).cleanUp(submission));
    }

    @Test
    void workFoldersAre0700AndWorkFiles0600() throws IOException {
        WorkArea area = new WorkArea(tempDir.toString());
        Path dir = area.create(submission).getWorkDir();
        Path file = WorkArea.privateFile(dir.resolve("valid-numbers.txt"));

        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void startUpRemovesLeftoversButKeepsSubmissionsWaitingForMesh() throws IOException {
        Path leftover = Files.createDirectories(tempDir.resolve("NDOO-LEFTOVER").resolve("x"));
        Path waiting = Files.createDirectories(tempDir.resolve("NDOO-WAITING"));
        Files.writeString(waiting.resolve(WorkArea.VALID_NUMBERS), "9434765919\n");
        WorkArea area = new WorkArea(tempDir.toString());
        area.setWaiting(() -> java.util.Set.of("NDOO-WAITING"));

        area.removeOrphans();

        assertFalse(Files.exists(leftover.getParent()));
        assertTrue(Files.exists(waiting));
    }

    @Test
    void removeOrphansKeepsTheFoldersOfWebSubmissionsToTakeUpAgain() throws IOException {
        Path root = tempDir.resolve("work");
        Path web = Files.createDirectories(root.resolve("NDOO-20250101-090000-WEB01"));
        Files.writeString(web.resolve(WorkArea.WEB_MARKER), "reference=NDOO-20250101-090000-WEB01\n");
        Path orphan = Files.createDirectories(root.resolve("NDOO-20250101-090000-DROP1"));
        Files.writeString(orphan.resolve(WorkArea.VALID_NUMBERS), "9990000018\n");
        Path markerIsAFolder = Files.createDirectories(root.resolve("NDOO-20250101-090000-ODD01")
                .resolve(WorkArea.WEB_MARKER));
        WorkArea area = new WorkArea(root.toString());

        area.removeOrphans();

        assertTrue(Files.exists(web.resolve(WorkArea.WEB_MARKER)), "a web submission's folder is kept");
        assertFalse(Files.exists(orphan), "a drop's partial work is removed: its input is read again");
        assertEquals(java.util.List.of(markerIsAFolder.getParent(), web), area.webFoldersKept(), "in name order");
    }
}

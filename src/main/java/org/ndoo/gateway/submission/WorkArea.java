package org.ndoo.gateway.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The gateway's work directory ({@code gateway.work.dir}): one private folder per submission, readable only by the
 * gateway's user, removed with everything in it when the submission ends.
 */
public final class WorkArea {

    private final Path root;

    public WorkArea(String root) {
        this.root = Paths.get(root).toAbsolutePath().normalize();
    }

    /** The work directory itself. */
    public Path root() {
        return root;
    }

    /** Creates the submission's folder ({@code <work.dir>/<reference>}, mode 0700). */
    public Path create(Submission submission) {
        try {
            Files.createDirectories(root);
            Path dir = root.resolve(submission.getReference());
            Files.createDirectory(dir);
            restrictToOwner(dir);
            submission.setWorkDir(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work folder under " + root, e);
        }
    }

    /** Deletes the submission's folder and everything in it; nothing to do if it was never created. */
    public void cleanUp(Submission submission) {
        Path dir = submission.getWorkDir();
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the work folder of " + submission.getReference(), e);
        }
    }

    private static void restrictToOwner(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}

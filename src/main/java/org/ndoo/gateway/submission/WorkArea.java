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
 * gateway's user, removed with everything in it when the submission ends. Owns every name in a work folder.
 */
public final class WorkArea {

    /** The work file holding a submission's distinct valid numbers, one per line, in input order. */
    public static final String VALID_NUMBERS = "valid-numbers.txt";

    /** The last part of the response file's name: {@code <base name>-permitted.csv} (or {@code .zip}). */
    public static final String RESULT_SUFFIX = "-permitted";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkArea.class);

    /** The folder of the work directory holding what outlives one submission (the MESH wait database). */
    public static final String STATE_DIR = "state";

    /**
     * The folder of the work directory where the web front door's uploads stream to disk (camel.server
     * .fileUploadDirectory) before they move into their submission's folder; emptied at start-up.
     */
    public static final String UPLOADS_DIR = "uploads";

    /**
     * The marker of a web submission's folder: what is needed to take it up again after a restart (its input waits
     * in the folder, as nowhere else). A folder with one is not an orphan at start-up (web.WebMarker).
     */
    public static final String WEB_MARKER = "web-submission.properties";

    /** The folder of the work directory for what belongs to one node of a cluster, by node id. */
    public static final String NODES_DIR = "nodes";

    /** The folders of the work directory that hold no submission, by name: never orphans. */
    private static final java.util.Set<String> NOT_SUBMISSIONS = java.util.Set.of(STATE_DIR, UPLOADS_DIR,
            org.ndoo.gateway.startup.WorkDirectoryLock.FILE_NAME, NODES_DIR);

    private final Path root;
    private final Path uploads;
    private WaitingSubmissions waiting = WaitingSubmissions.NONE;
    private volatile java.util.List<Path> webFolders = java.util.List.of();

    /** A single gateway's work directory. */
    public WorkArea(String root) {
        this(root, "");
    }

    /**
     * The work directory of node {@code nodeId} of a cluster (empty: a single gateway), shared by all nodes; the
     * node's uploads go to {@code uploads/<nodeId>}.
     */
    public WorkArea(String root, String nodeId) {
        this.root = Paths.get(root).toAbsolutePath().normalize();
        this.uploads = nodeId.isEmpty() ? this.root.resolve(UPLOADS_DIR) : this.root.resolve(UPLOADS_DIR).resolve(nodeId);
    }

    /**
     * At start-up of a single gateway: deletes what a stopped gateway left in the work directory (partial work
     * folders, interrupted SFTP downloads), keeping only the state folder and the submissions that still wait
     * ({@link WaitingSubmissions}: for MESH replies). Their inputs are still where they were dropped, so nothing is
     * lost: they are simply read again. The folders of web submissions (with a {@link #WEB_MARKER}) are kept too, to
     * be taken up again ({@link #webFoldersKept}). The uploads folder is emptied and made private (0700)
     * ({@link #clearUploads}).
     */
    public void removeOrphans() {
        removeOrphansOlderThan(java.time.Instant.MAX);
        clearUploads();
    }

    /**
     * When a node of a cluster becomes leader: as {@link #removeOrphans}, for what is older than {@code since} (what
     * the last leader left), but leaves every node's uploads alone and anything made since (this node's own work).
     */
    public void removeOrphansOlderThan(java.time.Instant since) {
        java.util.Set<String> keep = waiting.references();
        if (!Files.isDirectory(root)) {
            return;
        }
        java.util.List<Path> web = new java.util.ArrayList<>();
        try (var entries = Files.list(root)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (NOT_SUBMISSIONS.contains(name) || keep.contains(name)) {
                    continue;
                }
                if (isWebFolder(entry)) {
                    web.add(entry);
                } else if (Files.getLastModifiedTime(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isBefore(since)) {
                    LOG.info("Removing {} left in the work directory by an earlier run", entry.getFileName());
                    delete(entry);
                }
            }
            webFolders = java.util.List.copyOf(web);
            if (!web.isEmpty()) {
                LOG.info("Keeping {} web submission folder(s) left by an earlier run, to take them up again",
                        web.size());
            }
            restrictToOwner(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the work directory " + root, e);
        }
    }

    /**
     * Empties this gateway's (or node's) uploads folder, left by an earlier run, and makes it private (0700), before
     * the web server takes uploads into it.
     */
    public void clearUploads() {
        if (!Files.isDirectory(root)) {
            return; // made with the first submission; a path taken by a file is told then, in the submission's words
        }
        try {
            if (Files.exists(uploads, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                delete(uploads);
            }
            Files.createDirectories(uploads);
            restrictToOwner(root);
            restrictToOwner(root.resolve(UPLOADS_DIR));
            restrictToOwner(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the uploads folder " + uploads, e);
        }
    }

    /** The folders of web submissions (with a {@link #WEB_MARKER}) in the work directory now, by name. */
    public java.util.List<Path> webFoldersNow() {
        if (!Files.isDirectory(root)) {
            return java.util.List.of();
        }
        try (var entries = Files.list(root)) {
            return entries.filter(e -> !NOT_SUBMISSIONS.contains(e.getFileName().toString()))
                    .filter(WorkArea::isWebFolder).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the work directory " + root, e);
        }
    }

    /** The web submissions' folders (with a {@link #WEB_MARKER}) that {@link #removeOrphans} kept at start-up. */
    public java.util.List<Path> webFoldersKept() {
        return webFolders;
    }

    /** The marker of the web submission whose work folder is {@code dir}. */
    public static Path webMarker(Path dir) {
        return dir.resolve(WEB_MARKER);
    }

    private static boolean isWebFolder(Path entry) {
        return Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.exists(webMarker(entry), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Who tells which submissions still wait (their work folders survive a restart). */
    public void setWaiting(WaitingSubmissions waiting) {
        this.waiting = waiting;
    }

    /**
     * Creates {@code file} empty and readable only by the gateway's user (0600) if it does not exist yet, so that
     * work files never pass through a moment of wider permissions.
     */
    public static Path privateFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
        return file;
    }

    /** The work directory itself. */
    public Path root() {
        return root;
    }

    /** The submission's file of valid numbers ({@link #VALID_NUMBERS}) in its work folder. */
    public static Path validNumbers(Submission submission) {
        return submission.getWorkDir().resolve(VALID_NUMBERS);
    }

    /** The response file {@code <baseName>-permitted.<extension>} in the submission's work folder. */
    public static Path resultFile(Submission submission, String baseName, String extension) {
        return submission.getWorkDir().resolve(baseName + RESULT_SUFFIX + "." + extension);
    }

    /**
     * Creates the submission's folder ({@code <work.dir>/<reference>}, mode 0700); returns the submission in it
     * (the same submission if it has its folder already).
     */
    public Submission create(Submission submission) {
        if (submission.getWorkDir() != null) {
            // made already (a web submission's input is written into it before the submission starts)
            return submission;
        }
        try {
            Files.createDirectories(root);
            restrictToOwner(root);
            Path dir = root.resolve(submission.getReference());
            Files.createDirectory(dir);
            restrictToOwner(dir);
            return submission.inWorkFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work folder under " + root, e);
        }
    }

    /**
     * Deletes the submission's folder and everything in it; nothing to do if it was never created. A failure is
     * logged, never thrown: it must not turn a delivered submission into a retried one.
     */
    public void cleanUp(Submission submission) {
        Path dir = submission.getWorkDir();
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            delete(dir);
        } catch (IOException e) {
            // never fail a submission whose result has gone: the next start removes what is left
            LOG.warn("{}: could not delete its work folder ({}); it is removed at the next start",
                    submission.getReference(), e.getClass().getSimpleName());
        }
    }

    /**
     * After an attempt that is to be tried again later: deletes the submission's folder ({@link #cleanUp}), unless
     * the folder is all that is left of it (a submission restored from a wait for later replies, whose input is its
     * own file of valid numbers): then it stays for the next attempt.
     */
    public void cleanUpAttempt(Submission submission) {
        Path dir = submission.getWorkDir();
        if (dir == null || !submission.getInput().toAbsolutePath().startsWith(dir.toAbsolutePath())) {
            cleanUp(submission);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(dir);
            return;
        }
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
    }

    private static void restrictToOwner(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}

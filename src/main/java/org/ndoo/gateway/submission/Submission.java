package org.ndoo.gateway.submission;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file handed in for checking, from pick-up to the last email. Holds references and names only: never an
 * NHS number. Its identity (reference, source, origin, file, submitter folder, submitter, size, time of receipt,
 * input identity, work folder) never changes: trusting the submitter ({@link #trusted}) and creating the work folder
 * ({@link #inWorkFolder}) return a new Submission, which the route keeps in the exchange property 'submission'.
 * What the stages compute is not here: the route keeps it in properties of its own (the file's {@link Reading} in
 * 'reading', the lookup's {@link Answers} in 'answers'; {@link Counts} of both for reports).
 */
public final class Submission {

    private final String reference;
    private final String source;
    private final String origin;
    private final Path input;
    private final String fileName;
    private final long byteSize;
    private final String submitterFolder;
    private final FileIdentity inputIdentity;
    private final Instant receivedAt;
    private final String submitter;
    private final Path workDir;

    /** A submission whose file was dropped locally: its origin is its absolute path. */
    public Submission(String reference, String source, Path input, String submitterFolder, long byteSize) {
        this(reference, source, input, submitterFolder, byteSize, null);
    }

    /** A local submission that knows which file its input path held when it was opened ({@code identity}). */
    public Submission(String reference, String source, Path input, String submitterFolder, long byteSize,
            FileIdentity identity) {
        this(reference, source, localOrigin(input), input, input.getFileName().toString(),
                submitterFolder, byteSize, identity);
    }

    /**
     * @param origin where the file really is (for a remote file, its server and path), the key for retries
     * @param input  the file as read by the gateway (for a remote file, its local download)
     */
    public Submission(String reference, String source, String origin, Path input, String submitterFolder,
            long byteSize) {
        this(reference, source, origin, input, input.getFileName().toString(), submitterFolder, byteSize);
    }

    /** A submission with a file name of its own. */
    public Submission(String reference, String source, String origin, Path input, String fileName,
            String submitterFolder, long byteSize) {
        this(reference, source, origin, input, fileName, submitterFolder, byteSize, null);
    }

    private Submission(String reference, String source, String origin, Path input, String fileName,
            String submitterFolder, long byteSize, FileIdentity inputIdentity) {
        this(reference, source, origin, input, fileName, submitterFolder, byteSize, inputIdentity, null,
                Instant.now(), null);
    }

    private Submission(String reference, String source, String origin, Path input, String fileName,
            String submitterFolder, long byteSize, FileIdentity inputIdentity, String submitter, Instant receivedAt,
            Path workDir) {
        this.reference = reference;
        this.source = source;
        this.origin = origin;
        this.input = input;
        this.fileName = fileName;
        this.submitterFolder = submitterFolder;
        this.byteSize = byteSize;
        this.inputIdentity = inputIdentity;
        this.submitter = submitter;
        this.receivedAt = receivedAt;
        this.workDir = workDir;
    }

    /**
     * A submission restored from saved state (a MESH submission waiting for replies, after a restart): trusted,
     * received at {@code receivedAt}, in its work folder (its reading is restored apart, as a {@link Reading}).
     */
    public static Submission restored(String reference, String source, String origin, Path input, String fileName,
            String submitterFolder, long byteSize, String submitter, Instant receivedAt, Path workDir) {
        return new Submission(reference, source, origin, input, fileName, submitterFolder, byteSize, null, submitter,
                receivedAt, workDir);
    }

    /** The same submission, its submitter folder accepted as the address {@code submitter}. */
    public Submission trusted(String submitter) {
        return new Submission(reference, source, origin, input, fileName, submitterFolder, byteSize, inputIdentity,
                submitter, receivedAt, workDir);
    }

    /** The same submission, with its private work folder {@code dir} (made by WorkArea). */
    public Submission inWorkFolder(Path dir) {
        return new Submission(reference, source, origin, input, fileName, submitterFolder, byteSize, inputIdentity,
                submitter, receivedAt, dir);
    }

    /** The retry key of a file dropped locally: its absolute path. */
    public static String localOrigin(Path input) {
        return input.toAbsolutePath().toString();
    }

    /** The retry key of a web submission, whose input is in its own work folder: {@code web:<reference>}. */
    public static String webOrigin(String reference) {
        return "web:" + reference;
    }

    /** The retry key of a file on an SFTP server: {@code sftp://host/path}. */
    public static String remoteOrigin(String host, String remotePath) {
        return "sftp://" + host + (remotePath.startsWith("/") ? "" : "/") + remotePath;
    }

    /** The submission reference quoted in every email and audit record. */
    public String getReference() {
        return reference;
    }

    /** Where it came from: {@code shared-folder}, later {@code sftp:<name>}. */
    public String getSource() {
        return source;
    }

    /** Where the file is at its source (absolute path, or sftp://host/path): the key for retries. */
    public String getOrigin() {
        return origin;
    }

    /** The file the gateway reads: the dropped file itself, or the local download of a remote one. */
    public Path getInput() {
        return input;
    }

    public String getFileName() {
        return fileName;
    }

    /** The file name without its extension, for naming the response file. */
    public String getBaseName() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The file name's extension in lower case, without the dot; empty if none. */
    public String getExtension() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /**
     * Which file the input path held when the submission was opened; null when not known (a remote file's download,
     * a submission restored from saved state). The input is deleted only while its path still holds this file.
     */
    public FileIdentity getInputIdentity() {
        return inputIdentity;
    }

    public long getByteSize() {
        return byteSize;
    }

    /** The size as a log line says it: {@code 1 byte}, {@code 2048 bytes} (no separators: operators grep logs). */
    public String getSizeInWords() {
        return Wording.countPlain(byteSize, "byte", "bytes");
    }

    /** The name of the folder the file was dropped in, as found (untrusted until checked). */
    public String getSubmitterFolder() {
        return submitterFolder;
    }

    /** The checked submitter address; {@code null} until the folder name has been accepted. */
    public String getSubmitter() {
        return submitter;
    }

    public boolean isSubmitterTrusted() {
        return submitter != null;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** The submission's private work folder; {@code null} until created. */
    public Path getWorkDir() {
        return workDir;
    }
}

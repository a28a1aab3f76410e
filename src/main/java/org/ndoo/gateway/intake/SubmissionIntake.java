package org.ndoo.gateway.intake;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.delivery.MailAddresses;
import org.ndoo.gateway.submission.FileIdentity;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.UntrustedSubmission;

/**
 * Turns a picked-up file into a {@link Submission} and decides whether it may be processed: the folder it was dropped
 * in must name one allowed submitter address, and the file must be of an accepted type.
 */
public final class SubmissionIntake {

    /** File types read as lists of NHS numbers. */
    public static final Set<String> ACCEPTED_TYPES = Set.of("csv", "txt", "dat");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AllowedDomains allowedDomains;
    private final long maxBytes;

    public SubmissionIntake(AllowedDomains allowedDomains) {
        this(allowedDomains, Long.MAX_VALUE);
    }

    /** @param maxBytes the largest file accepted ({@code gateway.inbox.max-bytes}) */
    public SubmissionIntake(AllowedDomains allowedDomains, long maxBytes) {
        this.allowedDomains = allowedDomains;
        this.maxBytes = maxBytes;
    }

    /**
     * A new submission for a file picked up from a drop folder.
     *
     * @param absolutePath the file as picked up
     * @param relativePath its path below the drop folder: {@code <submitter-address>/<file>}; a file deeper down
     *                     keeps its whole folder path ({@code a@nhs.net/sub}), which {@link #checkSubmitter} refuses
     */
    public Submission open(String absolutePath, String relativePath, long byteSize, String source) {
        Path input = Paths.get(absolutePath);
        // which file the path holds now, before any of it is read: it is deleted later only if the path still holds it
        return new Submission(newReference(), source, input, folderOf(Paths.get(relativePath)), byteSize,
                FileIdentity.of(input));
    }

    /**
     * A new submission for a file picked up from a remote drop folder and downloaded to {@code localPath}. A file
     * dropped flat (not in a submitter folder) goes to {@code defaultRecipient}, if one is set.
     */
    public Submission openRemote(String localPath, String host, String remotePath, String relativePath, long byteSize,
            String source, String defaultRecipient) {
        Path relative = Paths.get(relativePath);
        String folder = relative.getNameCount() == 1 && defaultRecipient != null ? defaultRecipient.strip()
                : folderOf(relative);
        return new Submission(newReference(), source, remoteOrigin(host, remotePath), Paths.get(localPath), folder,
                byteSize);
    }

    /**
     * A new submission handed in through the web front door (source {@code web}) by the signed-in {@code address},
     * trusted as a drop folder's name is once checked: its input, {@code byteSize} bytes, is to be written as
     * {@code inputName} into its own work folder under {@code workRoot} (made by WorkArea.create), and ends with it.
     * Complete when received: no quiet period.
     */
    public Submission openWeb(String address, String fileName, Path workRoot, String inputName, long byteSize) {
        String reference = newReference();
        return new Submission(reference, "web", Submission.webOrigin(reference),
                workRoot.resolve(reference).resolve(inputName), fileName, address, byteSize);
    }

    /** The folders between the drop folder and the file, '/'-separated; empty for a file in the drop folder itself. */
    private static String folderOf(Path relative) {
        Path parent = relative.getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }

    /** The retry key of a remote file ({@link Submission#remoteOrigin}). */
    public static String remoteOrigin(String host, String remotePath) {
        return Submission.remoteOrigin(host, remotePath);
    }

    /**
     * Accepts the drop folder's name as the submitter, returning the trusted submission, or refuses the submission
     * to the operator.
     */
    public Submission checkSubmitter(Submission submission) {
        String folder = submission.getSubmitterFolder();
        if (folder.isEmpty()) {
            throw new UntrustedSubmission("The file was not in a submitter folder: files must be dropped into"
                    + " <inbox>/<submitter address>/.");
        }
        if (folder.contains("/")) {
            throw new UntrustedSubmission("The file was in a sub-folder ('" + Redact.digits(MailAddresses.quoteSafely(folder))
                    + "'): files must be dropped directly into <inbox>/<submitter address>/, and sub-folders are"
                    + " not read.");
        }
        String address = MailAddresses.normalise(folder);
        if (address == null) {
            throw new UntrustedSubmission("The folder name '" + MailAddresses.quoteSafely(folder)
                    + "' is not a single valid email address.");
        }
        if (!allowedDomains.allows(address)) {
            throw new UntrustedSubmission("The folder name '" + MailAddresses.quoteSafely(folder)
                    + "' is not in an allowed domain (" + allowedDomains + ").");
        }
        return submission.trusted(address);
    }

    /** Refuses a file that is not a CSV, text or MESH {@code .dat} file, saying what to send instead. */
    public void checkFileType(Submission submission) {
        String type = submission.getExtension();
        if (ACCEPTED_TYPES.contains(type)) {
            return;
        }
        if (type.isEmpty()) {
            throw new SubmissionRejected("The file has no extension. Accepted types are .csv, .txt and .dat.");
        }
        String hint = switch (type) {
            case "xlsx", "xls", "xlsm", "ods" -> " Spreadsheets are not read: open it and use 'Save as' CSV, then drop the CSV file.";
            case "zip", "gz", "7z" -> " Compressed files are not read: drop the CSV file itself.";
            default -> "";
        };
        throw new SubmissionRejected("The file type '." + MailAddresses.quoteSafely(type) + "' is not accepted."
                + " Accepted types are .csv, .txt and .dat." + hint);
    }

    /** Refuses a file larger than the limit before anything of it is read. */
    public void checkSize(Submission submission) {
        if (submission.getByteSize() > maxBytes) {
            throw new SubmissionRejected("The file is " + submission.getByteSize() + " bytes, more than the "
                    + maxBytes + " bytes the gateway takes in one file. Split it into smaller files and drop them one"
                    + " by one.");
        }
    }

    static String newReference() {
        StringBuilder ref = new StringBuilder("NDOO-").append(LocalDateTime.now().format(STAMP)).append('-');
        for (int i = 0; i < 5; i++) {
            ref.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return ref.toString();
    }
}

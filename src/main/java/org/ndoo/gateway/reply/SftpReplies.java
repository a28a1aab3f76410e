package org.ndoo.gateway.reply;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ndoo.gateway.delivery.MailComposer;
import org.ndoo.gateway.delivery.ResultFile;
import org.ndoo.gateway.intake.SftpSource;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Submission;

/**
 * Where the result of a file pushed over SFTP goes ({@code gateway.sftp.<name>.reply}), and under which names:
 * {@code <reply-dir>/<address>/} for a file in a submitter folder, {@code <reply-dir>/} for a flat one;
 * {@code <base>-permitted.csv} (or {@code .zip}), named as the mail's attachment, and {@code <base>-result.json}.
 * Every other submission is answered by email only.
 */
public final class SftpReplies {

    /** The route of a source's uploads: {@code direct:sftp-upload-<name>} (routes/sftp-upload.camel.yaml). */
    public static final String UPLOAD = "direct:sftp-upload-";

    private final Map<String, SftpSource> sources;

    public SftpReplies(List<SftpSource> sources) {
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(s -> "sftp:" + s.name(),
                Function.identity()));
    }

    /** {@code email}, {@code sftp} or {@code both}: how {@code submission}'s result goes back. */
    public String mode(Submission submission) {
        SftpSource source = sources.get(submission.getSource());
        return source == null ? SftpSource.REPLY_EMAIL : source.reply();
    }

    /** Whether {@code submission}'s result is put back on its SFTP server. */
    public boolean overSftp(Submission submission) {
        return !SftpSource.REPLY_EMAIL.equals(mode(submission));
    }

    /** The endpoint that puts one file of {@code submission}'s reply on its server. */
    public String uploadEndpoint(Submission submission) {
        return UPLOAD + sources.get(submission.getSource()).name();
    }

    /**
     * The reply's folder under the reply-dir: {@code "<address>/"} for a file pushed into a submitter folder, {@code
     * ""} for a flat one (the source's default recipient); {@code null} when the file came from deeper down or from
     * a folder no reply can be put beside (dot names), which only the operator hears of.
     */
    public String folder(Submission submission) {
        String folder = submission.getSubmitterFolder();
        // one plain path segment, or no reply: a file from deeper down names folders ("a@x/sub"), and a name from
        // the server's listing must not add structure (separators, dot names, control characters)
        if (folder.contains("/") || folder.contains("\\") || folder.startsWith(".")
                || folder.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        Path parent = Paths.get(remotePath(submission)).getParent();
        if (parent == null || !parent.getFileName().toString().equals(folder)) {
            return "";
        }
        return folder.isEmpty() ? null : folder + "/";
    }

    /** The name the response file {@code attachment} is put under: the mail attachment's. */
    public static String resultName(Path attachment) {
        return MailComposer.attachmentName(attachment.getFileName().toString());
    }

    /** {@code <base>-result.json}, the base as in the response file's name. */
    public String recordName(Submission submission) {
        return MailComposer.attachmentName(ResultFile.baseName(submission) + "-result.json");
    }

    /**
     * Whether the end of {@code submission} in {@code failure} is put back as a record: a source replying over
     * SFTP, a failure the submitter is told of or a refusal, into a folder a reply can go to. Not a failure of the
     * reply itself, which only the operator is told of.
     */
    public boolean recordsFailure(Submission submission, Failure failure) {
        return overSftp(submission) && !failure.isPostponed()
                && (failure.tellsSubmitter() || "refused".equals(failure.outcome())) && folder(submission) != null;
    }

    /** Whether the submitter of {@code submission} is mailed: not for a source replying over SFTP only. */
    public boolean mailsSubmitter(Submission submission) {
        return !SftpSource.REPLY_SFTP.equals(mode(submission));
    }

    /** The file's path on the server, from the submission's origin ({@code sftp://host/path}). */
    private static String remotePath(Submission submission) {
        String origin = submission.getOrigin();
        int path = origin.indexOf('/', "sftp://".length());
        return path < 0 ? "" : origin.substring(path + 1);
    }
}

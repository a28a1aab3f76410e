package org.ndoo.gateway.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.ndoo.gateway.privacy.NhsNumberMask;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

/**
 * Makes the {@link ResultRecord} of a submission, as JSON text (UTF-8, indented, fields in the contract's order):
 * for a result, with the response file's name and SHA-256; for a failure, with its outcome and reason. Names, the
 * reason and the header cell go through the mask of mail subjects, so that no NHS number is in the record even when
 * a file is named after one.
 */
public final class ResultRecords {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Clock clock;

    public ResultRecords(Clock clock) {
        this.clock = clock;
    }

    /** The record of a result: {@code resultFile} as put on the server beside it. */
    public String delivered(Submission submission, Reading reading, Answers answers, Path resultFile) {
        return json(submission, "delivered", null, Counts.of(reading, answers), new ResultRecord.ResultFile(
                NhsNumberMask.mask(SftpReplies.resultName(resultFile)), sha256(resultFile)));
    }

    /** The record of a submission that ended in {@code failure} (never a postponed one). */
    public String failed(Submission submission, Reading reading, Answers answers, Failure failure) {
        return json(submission, outcome(failure), failure.reason(), Counts.of(reading, answers), null);
    }

    /** The contract's outcomes: a failure to mail the submitter (undeliverable) is a failure here. */
    static String outcome(Failure failure) {
        return switch (failure.outcome()) {
            case "refused", "gave-up" -> failure.outcome();
            default -> "failed";
        };
    }

    private String json(Submission submission, String outcome, String reason, Counts counts,
            ResultRecord.ResultFile resultFile) {
        NumberColumn column = counts.getNumberColumn();
        ResultRecord record = new ResultRecord(submission.getReference(), submission.getSource(),
                NhsNumberMask.mask(submission.getFileName()), outcome, NhsNumberMask.mask(reason),
                column == null ? null
                        : new ResultRecord.Column(NhsNumberMask.mask(column.header()), column.position()),
                new ResultRecord.Counted(counts.getRowsRead(), counts.getValid(), counts.getInvalid(),
                        counts.getFirstInvalidLines(), counts.getDuplicates(), counts.getChecked(),
                        counts.getPermitted(), counts.getWithheld()),
                time(submission.getReceivedAt()), time(clock.instant()), resultFile);
        try {
            return JSON.writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result record of " + submission.getReference(), e);
        }
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the response file to sign it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

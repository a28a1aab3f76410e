package org.ndoo.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Submission;

/**
 * One JSON line per finished submission in {@code gateway.audit.file}: reference, submitter, source, file name,
 * size, counts, outcome and timings. Never an NHS number: digit runs of nine or more in names are masked.
 */
public final class AuditLog {

    private final Path file;

    public AuditLog(String file) {
        this.file = Paths.get(file);
    }

    /** Appends the record of a submission that ended with {@code outcome} (and a short {@code detail}). */
    public void record(Submission submission, Counts counts, String outcome, String detail) {
        record(submission, counts, outcome, detail,
                Duration.between(submission.getReceivedAt(), Instant.now()).toMillis());
    }

    /**
     * As {@link #record(Submission, Counts, String, String)}, with the submission's one duration and counts, as
     * close-submission gives them to the status page and the log too.
     */
    public synchronized void record(Submission submission, Counts c, String outcome, String detail,
            long durationMs) {
        ObjectNode json = AuditJson.object()
                .put("time", Instant.now().toString())
                .put("reference", submission.getReference())
                .put("source", submission.getSource())
                .put("submitter", submission.isSubmitterTrusted() ? submission.getSubmitter()
                        : Redact.untrustedFolder(submission.getSubmitterFolder()))
                .put("file", mask(submission.getFileName()))
                .put("bytes", submission.getByteSize())
                .put("rowsRead", c.getRowsRead())
                .put("valid", c.getValid())
                .put("invalid", c.getInvalid())
                .put("duplicates", c.getDuplicates())
                .put("checked", c.getChecked())
                .put("permitted", c.getPermitted())
                .put("withheld", c.getWithheld())
                .put("chunks", c.getChunks())
                .put("outcome", outcome)
                .put("detail", detail == null ? "" : mask(detail))
                .put("receivedAt", submission.getReceivedAt().toString())
                .put("durationMs", durationMs);
        append(AuditJson.line(json));
    }

    /**
     * Throws {@link AuditLogUnusable} unless the audit log can take a record now: nothing is checked (and no result
     * sent) that could not be recorded.
     */
    public void ensureWritable() {
        append("");
    }

    private void append(String json) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new AuditLogUnusable(file, e);
        }
    }

    /**
     * Appends the record of an inbox entry renamed because its name could not be read ({@code where}: the folder
     * in plain words; {@code newName} empty when it could not be renamed); names masked as in submission records.
     */
    public synchronized void renamed(String where, String oldName, String newName) {
        append(AuditJson.line(AuditJson.object()
                .put("time", Instant.now().toString())
                .put("event", newName.isEmpty() ? "unreadable-name" : "renamed")
                .put("source", "shared-folder")
                .put("folder", mask(where))
                .put("from", mask(oldName))
                .put("to", mask(newName))));
    }

    /**
     * Appends the record of a web front-door event ({@code event}: sign-in-link-sent, sign-in-refused,
     * sign-in-limited, sign-in-link-failed, signed-in, sign-in-link-refused, signed-out) for {@code address} (as
     * typed when refused: masked like names).
     */
    public synchronized void webEvent(String event, String address) {
        append(AuditJson.line(AuditJson.object()
                .put("time", Instant.now().toString())
                .put("event", event)
                .put("source", "web")
                .put("address", mask(address == null ? "" : address))));
    }

    /**
     * Appends the record of a web submission taken up again after a restart (event resumed-after-restart): its
     * reference, submitter, file name (masked like names) and the attempts it had before the restart.
     */
    public synchronized void resumed(Submission submission, int attempts) {
        append(AuditJson.line(AuditJson.object()
                .put("time", Instant.now().toString())
                .put("event", "resumed-after-restart")
                .put("reference", submission.getReference())
                .put("source", submission.getSource())
                .put("address", mask(submission.getSubmitterFolder()))
                .put("file", mask(submission.getFileName()))
                .put("attempts", attempts)));
    }

    static String mask(String value) {
        return Redact.digits(value);
    }
}

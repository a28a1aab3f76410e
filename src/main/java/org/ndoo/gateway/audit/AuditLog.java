package org.ndoo.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

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
    public void record(Submission submission, String outcome, String detail) {
        record(submission, outcome, detail, Duration.between(submission.getReceivedAt(), Instant.now()).toMillis());
    }

    /**
     * As {@link #record(Submission, String, String)}, with the submission's one duration, as close-submission gives
     * it to the status page and the log too.
     */
    public synchronized void record(Submission submission, String outcome, String detail, long durationMs) {
        Counts c = submission.getCounts();
        Instant now = Instant.now();
        String json = "{" + field("time", now.toString())
                + "," + field("reference", submission.getReference())
                + "," + field("source", submission.getSource())
                + "," + field("submitter", submission.isSubmitterTrusted() ? submission.getSubmitter()
                        : Redact.untrustedFolder(submission.getSubmitterFolder()))
                + "," + field("file", mask(submission.getFileName()))
                + ",\"bytes\":" + submission.getByteSize()
                + ",\"rowsRead\":" + c.getRowsRead()
                + ",\"valid\":" + c.getValid()
                + ",\"invalid\":" + c.getInvalid()
                + ",\"duplicates\":" + c.getDuplicates()
                + ",\"checked\":" + c.getChecked()
                + ",\"permitted\":" + c.getPermitted()
                + ",\"withheld\":" + c.getWithheld()
                + ",\"chunks\":" + c.getChunks()
                + "," + field("outcome", outcome)
                + "," + field("detail", detail == null ? "" : mask(detail))
                + "," + field("receivedAt", submission.getReceivedAt().toString())
                + ",\"durationMs\":" + durationMs
                + "}\n";
        append(json);
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
        append("{" + field("time", Instant.now().toString())
                + "," + field("event", newName.isEmpty() ? "unreadable-name" : "renamed")
                + "," + field("source", "shared-folder")
                + "," + field("folder", mask(where))
                + "," + field("from", mask(oldName))
                + "," + field("to", mask(newName))
                + "}\n");
    }

    static String field(String name, String value) {
        return "\"" + name + "\":\"" + escape(value) + "\"";
    }

    static String mask(String value) {
        return Redact.digits(value);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}

package org.ndoo.gateway.delivery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ndoo.gateway.lookup.Permitted;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;

/**
 * The response file {@code <original-base-name>-permitted.csv}: header {@code nhs_number}, then the permitted numbers
 * in first-seen input order, LF line ends. Built chunk by chunk in the work folder; zipped when larger than
 * {@code gateway.result.zip-above-bytes}, with the fastest compression.
 */
public final class ResultFile {

    public static final String HEADER = "nhs_number";

    /** Room left for "-permitted.csv" / "-permitted.zip" in a 255-byte file name. */
    private static final int MAX_BASE_NAME_BYTES = 200;

    private final long zipAboveBytes;

    public ResultFile(long zipAboveBytes) {
        this.zipAboveBytes = zipAboveBytes;
    }

    /** Appends one chunk's permitted numbers (already in input order). */
    public void append(Submission submission, Permitted permitted) {
        Path csv = csvPath(submission);
        try (BufferedWriter writer = Files.newBufferedWriter(WorkArea.privateFile(csv), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (Files.size(csv) == 0) {
                writer.write(HEADER);
                writer.write('\n');
            }
            writer.write(permitted.lines());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the response file of " + submission.getReference(), e);
        }
    }

    /** Removes a response file left by an earlier attempt, so that it can be built again from the start. */
    public void discard(Submission submission) {
        try {
            Path csv = csvPath(submission);
            Files.deleteIfExists(csv);
            Files.deleteIfExists(WorkArea.resultFile(submission, baseName(submission), "zip"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the response file of " + submission.getReference(), e);
        }
    }

    /** The file to attach: the CSV, or a ZIP holding it when the CSV is larger than the limit. */
    public Path attachment(Submission submission) {
        Path csv = csvPath(submission);
        try {
            if (!Files.exists(csv)) {
                Files.writeString(WorkArea.privateFile(csv), HEADER + "\n", StandardCharsets.US_ASCII);
            }
            if (Files.size(csv) <= zipAboveBytes) {
                return csv;
            }
            Path zip = WorkArea.resultFile(submission, baseName(submission), "zip");
            try (OutputStream out = Files.newOutputStream(WorkArea.privateFile(zip));
                 ZipOutputStream zipOut = new ZipOutputStream(out)) {
                // fastest compression: a tenth of the time of the default level for a file only 13% bigger
                // (docs/benchmarks.md); a 10-million-row result still mails at about 4 MB
                zipOut.setLevel(Deflater.BEST_SPEED);
                zipOut.putNextEntry(new ZipEntry(csv.getFileName().toString()));
                Files.copy(csv, zipOut);
                zipOut.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the response file of " + submission.getReference(), e);
        }
    }

    private static Path csvPath(Submission submission) {
        return WorkArea.resultFile(submission, baseName(submission), "csv");
    }

    /**
     * The original base name, shortened if needed so that the response file's name stays within the 255 bytes
     * file systems allow.
     */
    public static String baseName(Submission submission) {
        String base = submission.getBaseName();
        while (base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BASE_NAME_BYTES) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base;
    }
}

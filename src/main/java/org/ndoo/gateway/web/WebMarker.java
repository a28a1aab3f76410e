package org.ndoo.gateway.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;

/**
 * What a web submission's work folder holds beside its input ({@link WorkArea#WEB_MARKER}), so that the submission
 * is taken up again after a restart: its reference, submitter, the file name shown to the user, the input's name in
 * the folder, its size, when it was received, and, once it has been postponed, its attempts so far, the first
 * attempt's time and what it waits for (the gateway's words). Never an NHS number: digit runs in the file name are
 * masked. Written whole to a temporary file, then moved over the marker (ATOMIC_MOVE): a reader sees the old marker
 * or the new one, never part of one.
 */
public record WebMarker(String reference, String submitter, String fileName, String input, long bytes,
                        Instant receivedAt, int attempts, Instant firstAttempt, String waitingFor) {

    /** A marker that cannot be trusted: {@link #getMessage()} says why, in the gateway's words. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    /** The marker of a submission just received: no attempt yet. */
    public static WebMarker of(Submission submission) {
        return new WebMarker(submission.getReference(), submission.getSubmitterFolder(),
                Redact.digits(submission.getFileName()), submission.getInput().getFileName().toString(),
                submission.getByteSize(), submission.getReceivedAt(), 0, null, "");
    }

    /** The same marker after {@code count} attempts, the first at {@code first}, waiting for {@code reason}. */
    public WebMarker postponed(int count, Instant first, String reason) {
        return new WebMarker(reference, submitter, fileName, input, bytes, receivedAt, count, first,
                reason == null ? waitingFor : Redact.digits(reason));
    }

    /** Writes the marker into the work folder {@code dir}, replacing the one there at once. */
    public void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("reference", reference);
        p.setProperty("submitter", submitter);
        p.setProperty("file-name", fileName);
        p.setProperty("input", input);
        p.setProperty("bytes", Long.toString(bytes));
        p.setProperty("received-at", receivedAt.toString());
        p.setProperty("attempts", Integer.toString(attempts));
        if (firstAttempt != null) {
            p.setProperty("first-attempt", firstAttempt.toString());
        }
        p.setProperty("waiting-for", waitingFor == null ? "" : waitingFor);
        StringWriter text = new StringWriter();
        p.store(text, "NDOO gateway: a web submission to take up again after a restart (no patient data)");
        Path temporary = WorkArea.privateFile(dir.resolve(WorkArea.WEB_MARKER + ".new"));
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
            out.force(true);
        }
        Files.move(temporary, WorkArea.webMarker(dir), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The marker of the work folder {@code dir}, checked against the folder (its name, its input and size). */
    public static WebMarker read(Path dir) throws Unreadable {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(WorkArea.webMarker(dir), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("its marker cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String reference = required(p, "reference");
        if (!reference.equals(dir.getFileName().toString())) {
            throw new Unreadable("its marker names another reference than its folder");
        }
        String input = required(p, "input");
        Path file = dir.resolve(input).normalize();
        if (input.contains("/") || input.contains("\\") || !dir.equals(file.getParent())
                || input.startsWith(WorkArea.WEB_MARKER)) {
            throw new Unreadable("its marker names no input file in the folder");
        }
        long bytes = number(p, "bytes");
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != bytes) {
                throw new Unreadable("its input is missing or not the size its marker says");
            }
        } catch (IOException e) {
            throw new Unreadable("its input cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String first = p.getProperty("first-attempt", "").strip();
        return new WebMarker(reference, required(p, "submitter"), required(p, "file-name"), input, bytes,
                instant(required(p, "received-at")), (int) number(p, "attempts"),
                first.isEmpty() ? null : instant(first), p.getProperty("waiting-for", "").strip());
    }

    private static String required(Properties p, String key) throws Unreadable {
        String value = p.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new Unreadable("its marker has no " + key);
        }
        return value;
    }

    private static long number(Properties p, String key) throws Unreadable {
        try {
            long n = Long.parseLong(required(p, key));
            if (n >= 0 && n <= Integer.MAX_VALUE * 1024L) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Unreadable("its marker's " + key + " is not a number");
    }

    private static Instant instant(String text) throws Unreadable {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Unreadable("its marker holds a time that cannot be read");
        }
    }
}

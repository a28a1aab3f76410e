package org.ndoo.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import jakarta.activation.DataHandler;

import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.CamelFileDataSource;
import org.ndoo.gateway.intake.SubmissionIntake;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.WorkArea;

/**
 * The check form's intake: typed numbers or one uploaded file (one of them per submission) become a web
 * {@link Submission} of the signed-in person, its input in its own private work folder. An upload has streamed to
 * disk in the work directory's uploads folder (Vert.x); it is moved, never copied into memory, and deleted if it is
 * not used. Typed numbers are written one per line ({@link TypedNumbers}) and read like any drop. The folder is
 * marked ({@link WebMarker}) before the page answers, so that a restart takes the submission up again.
 */
public final class WebIntake {

    /** The name typed numbers go by: the result mail's attachment is {@code typed-numbers-permitted.csv}. */
    public static final String TYPED_NAME = "typed-numbers.txt";

    /** What the form gave: a submission to run, or the problem to show on the form again. */
    public record Form(Submission submission, String problem) {
    }

    private final SubmissionIntake intake;
    private final WorkArea workArea;

    public WebIntake(SubmissionIntake intake, WorkArea workArea) {
        this.intake = intake;
        this.workArea = workArea;
    }

    /** The submission of {@code user}'s form: {@code typed} (the numbers field) or the upload in the exchange. */
    public Form open(WebUser user, String typed, Exchange exchange) {
        Upload upload = upload(exchange);
        boolean hasTyped = typed != null && !typed.isBlank();
        if (upload == null && !hasTyped) {
            return new Form(null, "Type at least one NHS number, or choose a file.");
        }
        if (upload != null && hasTyped) {
            discard(exchange);
            return new Form(null, "Type NHS numbers or choose a file, not both: send them as two checks.");
        }
        try {
            return new Form(upload != null ? uploaded(user, upload) : typed(user, typed), null);
        } catch (SubmissionRejected e) {
            return new Form(null, e.getMessage());
        } finally {
            discard(exchange);
        }
    }

    /** Deletes the request's upload if it is still in the uploads folder (a refused or unused form). */
    public void discard(Exchange exchange) {
        Upload upload = upload(exchange);
        if (upload != null) {
            try {
                Files.deleteIfExists(upload.file());
            } catch (IOException e) {
                // the next start empties the uploads folder
            }
        }
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        if (message != null && message.hasAttachments()) {
            message.setAttachmentObjects(new java.util.LinkedHashMap<>());
        }
    }

    private Submission uploaded(WebUser user, Upload upload) {
        String name = Path.of(upload.name().replace('\\', '/')).getFileName().toString();
        Submission probe = intake.openWeb(user.address(), name, workArea.root(), "upload", upload.size());
        intake.checkFileType(probe);
        intake.checkSize(probe);
        Submission submission = workArea.create(intake.openWeb(user.address(), name, workArea.root(),
                "upload." + probe.getExtension(), upload.size()));
        try {
            Files.move(upload.file(), submission.getInput(), StandardCopyOption.ATOMIC_MOVE);
            return marked(submission);
        } catch (IOException e) {
            workArea.cleanUp(submission);
            throw new UncheckedIOException("Cannot move the upload into its work folder", e);
        }
    }

    private Submission typed(WebUser user, String typed) {
        List<String> entries = TypedNumbers.entries(typed);
        byte[] lines = (String.join("\n", entries) + "\n").getBytes(StandardCharsets.UTF_8);
        Submission submission = workArea.create(intake.openWeb(user.address(), TYPED_NAME, workArea.root(),
                TYPED_NAME, lines.length));
        try {
            Files.write(WorkArea.privateFile(submission.getInput()), lines, StandardOpenOption.TRUNCATE_EXISTING);
            return marked(submission);
        } catch (IOException e) {
            workArea.cleanUp(submission);
            throw new UncheckedIOException("Cannot write the typed numbers into their work folder", e);
        }
    }

    /**
     * Marks the submission's folder as a web submission's ({@link WebMarker}), before the page answers: its input
     * waits there, and is taken up again if the gateway stops before the submission ends.
     */
    private static Submission marked(Submission submission) throws IOException {
        WebMarker.of(submission).write(submission.getWorkDir());
        return submission;
    }

    private record Upload(Path file, String name, long size) {
    }

    /** The form's file, streamed to disk by Vert.x; null when none was chosen. */
    private static Upload upload(Exchange exchange) {
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        DataHandler file = message == null || !message.hasAttachments() ? null : message.getAttachment("file");
        if (file == null || !(file.getDataSource() instanceof CamelFileDataSource source)) {
            return null;
        }
        Path path = source.getFile().toPath();
        String name = source.getName();
        if (name == null || name.isBlank()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // the next start empties the uploads folder
            }
            return null;
        }
        return new Upload(path, name, source.getFile().length());
    }
}

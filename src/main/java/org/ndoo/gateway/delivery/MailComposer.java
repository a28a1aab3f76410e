package org.ndoo.gateway.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Submission;

/**
 * Writes the gateway's three kinds of email as RFC 5322 messages: the result (to the submitter, with the response
 * file), a failure notice (to the submitter), and a notice to the operator when the submitter cannot be trusted.
 * Emails hold counts, line numbers, file names and references; never an NHS number.
 */
public final class MailComposer {

    private static final String REMINDER = """
            Use this file only to apply the National Data Opt-Out to your data. Do not keep any record of which \
            patients were withheld or opted out, and do not store an opt-out flag against any patient's record. \
            Delete this email and the attachment once the opt-out has been applied.""";

    private final Session session = Session.getInstance(new Properties());
    private final AllowedDomains allowedDomains;
    private final String from;
    private final String operator;
    private final String subjectPrefix;

    public MailComposer(AllowedDomains allowedDomains, String from, String operator, String subjectPrefix) {
        this.allowedDomains = allowedDomains;
        this.from = requireAddress("gateway.mail.from", from);
        this.operator = requireAddress("gateway.mail.operator", operator);
        this.subjectPrefix = subjectPrefix == null || subjectPrefix.isBlank() ? "" : subjectPrefix.strip() + " ";
    }

    /** The result email: counts in the body, the response file attached. */
    public MimeMessage result(Submission submission, Path attachment) {
        Counts c = submission.getCounts();
        StringBuilder body = new StringBuilder()
                .append("The National Data Opt-Out check of ").append(safe(submission.getFileName())).append(" is done.\n")
                .append("Submission reference: ").append(submission.getReference()).append("\n\n")
                .append(line("Rows read", c.getRowsRead()))
                .append(line("Valid NHS numbers", c.getValid()))
                .append(line("Invalid rows", c.getInvalid()))
                .append(line("Duplicates removed", c.getDuplicates()))
                .append(line("Checked", c.getChecked()))
                .append(line("Permitted (in the attachment)", c.getPermitted()))
                .append(line("Withheld", c.getWithheld()))
                .append('\n');
        if (c.getInvalid() > 0) {
            body.append(invalidRows(c)).append("\n\n");
        }
        body.append("The attached file ").append(attachment.getFileName())
                .append(" lists the NHS numbers that may be used, in the order of your file. Withheld numbers may not")
                .append(" be used: they are left out and the email does not say why.\n\n")
                .append(REMINDER).append('\n');
        return compose(recipient(submission), "NDOO check result: " + safe(submission.getFileName()) + " ("
                + submission.getReference() + ")", body.toString(), attachment);
    }

    /** A failure notice: what went wrong and what to do. Goes to the operator when the submitter is not trusted. */
    public MimeMessage failure(Submission submission, String reason) {
        if (!submission.isSubmitterTrusted()) {
            return operatorNotice(submission, reason);
        }
        String body = "The National Data Opt-Out check of " + safe(submission.getFileName()) + " could not be completed.\n"
                + "Submission reference: " + submission.getReference() + "\n\n"
                + "What went wrong:\n" + reason + "\n\n"
                + "What to do: correct what is described above and drop the file again into your folder. If it keeps"
                + " happening, contact the gateway operator and quote the submission reference.\n\n"
                + "No result was produced. The file you dropped has been deleted from the gateway.\n";
        return compose(recipient(submission), "NDOO check failed: " + safe(submission.getFileName()) + " ("
                + submission.getReference() + ")", body, null);
    }

    /**
     * The notices a failure calls for (see Failures): the submitter's failure notice, then the operator's; only the
     * operator's when the submitter cannot be trusted.
     */
    public List<MimeMessage> notices(Submission submission, Failure failure) {
        List<MimeMessage> notices = new ArrayList<>(2);
        boolean trusted = submission.isSubmitterTrusted();
        if (failure.tellsSubmitter() && trusted) {
            notices.add(failure(submission, failure.reason()));
        }
        if (!trusted || failure.told() == Failure.Told.OPERATOR) {
            notices.add(operatorNotice(submission, failure.reason()));
        } else if (failure.tellsOperator()) {
            notices.add(operatorAlert(submission, failure));
        }
        return notices;
    }

    /** A notice to the operator about a submission that cannot be answered to its submitter. */
    public MimeMessage operatorNotice(Submission submission, String reason) {
        String body = "A submission was refused and its submitter could not be told.\n\n"
                + about(submission)
                + "Reason: " + reason + "\n\n"
                + "The file was deleted without being checked. No patient data is included in this notice.\n";
        return compose(operator, "NDOO gateway: submission refused (" + submission.getReference() + ")", body, null);
    }

    /** A notice to the operator about a failure the submitter was told of but cannot fix. */
    public MimeMessage operatorAlert(Submission submission, Failure failure) {
        String body = "A submission failed for a reason the submitter cannot fix. The submitter was told.\n\n"
                + about(submission)
                + "What went wrong: " + failure.detail() + "\n"
                + "The submitter was told: " + failure.reason() + "\n\n"
                + "No patient data is included in this notice.\n";
        return compose(operator, "NDOO gateway: submission failed (" + submission.getReference() + ")", body, null);
    }

    private static String about(Submission submission) {
        return "Reference: " + submission.getReference() + "\n"
                + "Source: " + submission.getSource() + "\n"
                + "Folder: " + MailAddresses.quoteSafely(submission.getSubmitterFolder()) + "\n"
                + "File: " + MailAddresses.quoteSafely(submission.getFileName()) + " ("
                + org.ndoo.gateway.submission.Wording.count(submission.getByteSize(), "byte", "bytes") + ")\n\n";
    }

    /** The message as RFC 5322 bytes, for the pickup folder. */
    public static byte[] toBytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requireAddress(String key, String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.strip();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(key + " is not a valid email address: '" + address + "'");
        }
    }

    private String recipient(Submission submission) {
        String to = submission.getSubmitter();
        if (to == null || !allowedDomains.allows(to)) {
            throw new IllegalStateException("Refusing to mail submission " + submission.getReference()
                    + " outside the allowed domains");
        }
        return to;
    }

    private MimeMessage compose(String to, String subject, String text, Path attachment) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subjectPrefix + subject, "UTF-8");
            message.setSentDate(new Date());
            if (attachment == null) {
                message.setText(text, "UTF-8");
            } else {
                MimeBodyPart textPart = new MimeBodyPart();
                textPart.setText(text, "UTF-8");
                MimeBodyPart filePart = new MimeBodyPart();
                String name = attachment.getFileName().toString();
                filePart.attachFile(attachment.toFile(), name.endsWith(".zip") ? "application/zip" : "text/csv", "base64");
                filePart.setFileName(name); // base64 keeps the file byte for byte (LF line ends)
                message.setContent(new MimeMultipart(textPart, filePart));
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose the email: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot attach the response file", e);
        }
    }

    private static String line(String label, long value) {
        return String.format(java.util.Locale.UK, "%-32s %,d\n", label + ":", value);
    }

    private static String invalidRows(Counts c) {
        String lines = c.getFirstInvalidLines().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String text = "Invalid rows are not checked and not in the result. First line numbers: " + lines
                + (c.getInvalid() > c.getFirstInvalidLines().size() ? ", ..." : "") + ".";
        if (c.getSpreadsheetDamaged() > 0) {
            text += " " + c.getSpreadsheetDamaged() + " of them look changed by a spreadsheet (like 9.43E+09 or"
                    + " 9434765919.0): format the NHS number column as Text before saving as CSV.";
        }
        return text;
    }

    /** A file name as shown in a subject or body: control characters replaced. */
    private static String safe(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}

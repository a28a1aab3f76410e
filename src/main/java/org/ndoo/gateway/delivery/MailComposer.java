package org.ndoo.gateway.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.privacy.NhsNumberMask;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.Wording;

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

    /** Attachment names go as RFC 2231 parameters ({@code filename*=UTF-8''...}, continued when long). */
    private final Session session = Session.getInstance(mailProperties());
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

    /**
     * The result email: the column read, the counts, what the attachment holds (and, when it is a ZIP, what is in it
     * and why it was zipped), the reminder; the response file attached.
     *
     * @param reading       what the reading of the file found (exchange property 'reading')
     * @param answers       what the lookup answered (exchange property 'answers')
     * @param zipAboveBytes {@code gateway.result.zip-above-bytes}, named when the attachment is zipped
     */
    public MimeMessage result(Submission submission, Reading reading, Answers answers, Path attachment,
            long zipAboveBytes) {
        Counts c = Counts.of(reading, answers);
        StringBuilder body = new StringBuilder()
                .append("The National Data Opt-Out check of ").append(safe(submission.getFileName())).append(" is done.\n")
                .append("Submission reference: ").append(submission.getReference()).append("\n\n")
                .append(String.format(java.util.Locale.UK, "%-32s %s\n", "NHS numbers read from:",
                        c.getNumberColumn() == null ? "column 1" : c.getNumberColumn().describe()))
                .append(line("Rows read", c.getRowsRead()))
                .append(line("Valid NHS numbers", c.getValid()))
                .append(line("Invalid rows", c.getInvalid()))
                .append(line("Duplicates removed", c.getDuplicates()))
                .append(line("Checked", c.getChecked()))
                .append(line("Permitted (in the attachment)", c.getPermitted()))
                .append(line("Withheld", c.getWithheld()))
                .append('\n');
        if (c.getInvalid() > 0) {
            body.append(ResultWording.invalidRows(c)).append("\n\n");
        }
        body.append(ResultWording.attachment(attachment, c.getPermitted(), zipAboveBytes)).append("\n\n")
                .append(REMINDER).append('\n');
        return compose(recipient(submission), "NDOO check result: " + headerSafe(submission.getFileName()) + " ("
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
                + "What to do: correct what is described above and " + ResultWording.sendAgain(submission) + ". If it"
                + " keeps happening, contact the gateway operator and quote the submission reference.\n\n"
                + "No result was produced. " + ResultWording.inputDeleted(submission) + "\n";
        return compose(recipient(submission), "NDOO check failed: " + headerSafe(submission.getFileName()) + " ("
                + submission.getReference() + ")", body, null);
    }

    /**
     * The notices a failure calls for (see Failures): the submitter's failure notice, then the operator's; only the
     * operator's when the submitter cannot be trusted, or when {@code submitterByMail} is false (a pushing system
     * told by the record put back on its SFTP server, reply.SftpReplies).
     */
    public List<MimeMessage> notices(Submission submission, Failure failure, boolean submitterByMail) {
        List<MimeMessage> notices = new ArrayList<>(2);
        boolean trusted = submission.isSubmitterTrusted();
        if (failure.tellsSubmitter() && trusted && submitterByMail) {
            notices.add(failure(submission, failure.reason()));
        }
        if (!trusted) {
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
                + "Reason: " + NhsNumberMask.mask(reason) + "\n\n"
                + "The file was deleted without being checked. No patient data is included in this notice.\n";
        return compose(operator, "NDOO gateway: submission refused (" + submission.getReference() + ")", body, null);
    }

    /**
     * A notice to the operator about an inbox entry the gateway leaves in place because it cannot read it as a
     * submission (a pipe, socket or device; no permission): {@code path} already has its digit runs masked.
     */
    public MimeMessage skippedEntry(String path, String reason) {
        String body = "An entry in the inbox cannot be read as a submission and was left where it is.\n\n"
                + "Path: " + safe(path) + "\n\n"
                + "Reason: " + NhsNumberMask.mask(reason) + "\n\n"
                + "Nothing of it was read and nobody else was told: the opt-out lookup and the mail server are not"
                + " involved. You are told once per path (again after the gateway restarts, if it is still there)."
                + " No patient data is included in this notice.\n";
        return compose(operator, "NDOO gateway: inbox entry skipped", body, null);
    }

    /**
     * A notice to the operator that an inbox entry was renamed because its name could not be read (bytes not valid
     * in the file-name encoding, or a backslash). Names are masked like everywhere outside a result.
     */
    public MimeMessage inputRenamed(String where, String oldName, String newName) {
        boolean renamed = !newName.isEmpty();
        String body = "An entry in the inbox had a name the gateway could not read as it was (bytes that are not UTF-8,"
                + " as a Windows share with a legacy code page writes them, or a backslash)"
                + (renamed ? ", so it was renamed to be processed.\n\n" : ", and it could not be renamed.\n\n")
                + "Where: " + NhsNumberMask.mask(where) + "\n"
                + "Was: " + NhsNumberMask.mask(oldName) + " (bytes other than printable ASCII shown as %XX)\n"
                + (renamed ? "Now: " + NhsNumberMask.mask(safe(newName)) + "\n\n"
                        + "It is now processed as usual under its new name: a file's submitter gets the result or a"
                        + " failure notice."
                        : "\nIt stays in the inbox unread: rename it (or remove it) by hand; the gateway's log says why"
                        + " the rename failed.")
                + " Ask whoever copies files to the inbox to write names in UTF-8. No patient data is included in"
                + " this notice.\n";
        return compose(operator, "NDOO gateway: inbox entry " + (renamed ? "renamed" : "cannot be read"), body, null);
    }

    private static Properties mailProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.encodeparameters", "true");
        properties.setProperty("mail.mime.splitlongparameters", "true");
        properties.setProperty("mail.mime.encodefilename", "false");
        return properties;
    }

    /** A notice to the operator about a failure the submitter was told of but cannot fix. */
    public MimeMessage operatorAlert(Submission submission, Failure failure) {
        // told alone: a submitter whose mail server refused the result, a pushing system whose reply folder failed
        boolean alone = !failure.tellsSubmitter();
        String body = (alone ? "A submission failed, and its submitter cannot be told: only you are.\n\n"
                : "A submission failed for a reason the submitter cannot fix. The submitter was told.\n\n")
                + about(submission)
                + "What went wrong: " + NhsNumberMask.mask(failure.detail()) + "\n"
                + (alone ? "Reason: " : "The submitter was told: ") + NhsNumberMask.mask(failure.reason()) + "\n\n"
                + "No patient data is included in this notice.\n";
        return compose(operator, "NDOO gateway: submission failed (" + submission.getReference() + ")", body, null);
    }

    private static String about(Submission submission) {
        return "Reference: " + submission.getReference() + "\n"
                + "Source: " + submission.getSource() + "\n"
                + "Folder: " + (submission.getSubmitterFolder().isEmpty() ? Redact.INBOX_ROOT
                        : NhsNumberMask.mask(MailAddresses.quoteSafely(submission.getSubmitterFolder()))) + "\n"
                + "File: " + NhsNumberMask.mask(MailAddresses.quoteSafely(submission.getFileName())) + " ("
                + Wording.count(submission.getByteSize(), "byte", "bytes") + ")\n\n";
    }

    /**
     * The web front door's sign-in email to {@code address} (only in the allowed domains): the single-use
     * {@code link}, valid {@code minutes}.
     */
    public MimeMessage signIn(String address, String link, long minutes) {
        if (address == null || !allowedDomains.allows(address)) {
            throw new IllegalStateException("Refusing to mail a sign-in link outside the allowed domains");
        }
        String body = "To sign in to the National Data Opt-Out check, open this link:\n\n" + link + "\n\n"
                + "It works once, for " + minutes + " minutes. If you did not ask to sign in, ignore this email:"
                + " nobody can sign in without the link.\n";
        return compose(address, "Your sign-in link for the National Data Opt-Out check", body, null);
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
                String name = attachmentName(attachment.getFileName().toString());
                // base64 keeps the file byte for byte (LF line ends), encoded here by the JDK's MIME encoder (76
                // characters a line, several times faster than the mail library's stream); the name is RFC
                // 2231-encoded (see mailProperties)
                MimeBodyPart filePart = new PreencodedMimeBodyPart("base64");
                filePart.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        Base64.getMimeEncoder().encode(Files.readAllBytes(attachment)),
                        name.endsWith(".zip") ? "application/zip" : "text/csv")));
                filePart.setFileName(name);
                // said at once, so that the mail library does not scan the whole attachment to choose an encoding
                filePart.setHeader("Content-Transfer-Encoding", "base64");
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

    /** A name as shown in a body: as in a header (the same email is stored and forwarded whole). */
    private static String safe(String name) {
        return headerSafe(name);
    }

    /**
     * A file name as shown in a header (the subject): control characters replaced and NHS-number-like digit runs
     * masked, since mail servers log subjects. Jakarta Mail encodes it per RFC 2047.
     */
    static String headerSafe(String name) {
        return NhsNumberMask.mask(replaceControls(name, '?'));
    }

    /**
     * The attachment's name as the recipient's mail client shows and saves it: the response file's own name
     * ({@code <original-base-name>-permitted.csv}, digits as in the original, accents, spaces and quotes kept) with
     * control characters (C0, DEL, C1, line and paragraph separators) replaced by {@code _}.
     */
    public static String attachmentName(String name) {
        return replaceControls(name, '_');
    }

    private static String replaceControls(String text, char replacement) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean control = Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029;
            out.appendCodePoint(control ? replacement : cp);
        });
        return out.toString();
    }
}

package org.ndoo.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads what a recipient sees in a received email: recipients, subject, text, attachment. */
public final class Mails {

    /** The attachment: its file name and its content, unzipped to the CSV text when it is a ZIP. */
    public record Attachment(String fileName, String contentType, String csv) {

        /** The NHS numbers in the attached CSV, header checked and removed. */
        public List<String> numbers() {
            List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n", -1)));
            if (!lines.get(0).equals("nhs_number")) {
                throw new AssertionError("The response file does not start with the nhs_number header");
            }
            if (!lines.get(lines.size() - 1).isEmpty()) {
                throw new AssertionError("The response file does not end with LF");
            }
            return lines.subList(1, lines.size() - 1);
        }
    }

    private Mails() {
    }

    /** A mail as a test SMTP server kept it (raw text, LF line ends), read as the recipient's client would. */
    public static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (MessagingException e) {
            throw new AssertionError("Not a mail: " + e.getMessage(), e);
        }
    }

    public static List<String> recipients(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    public static String to(MimeMessage message) throws MessagingException {
        List<String> to = recipients(message);
        if (to.size() != 1) {
            throw new AssertionError("Expected one recipient, got " + to.size());
        }
        return to.get(0);
    }

    /** The one mail among {@code mails} addressed to {@code address}. */
    public static MimeMessage addressedTo(MimeMessage[] mails, String address) throws MessagingException {
        MimeMessage found = null;
        for (MimeMessage mail : mails) {
            if (address.equals(to(mail))) {
                if (found != null) {
                    throw new AssertionError("More than one mail to " + address);
                }
                found = mail;
            }
        }
        if (found == null) {
            throw new AssertionError("No mail to " + address);
        }
        return found;
    }

    public static String text(Part message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text.replace("\r\n", "\n");
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("No text part");
    }

    /** The single attachment; fails if there is none. */
    public static Attachment attachment(Message message) throws MessagingException, IOException {
        if (!(message.getContent() instanceof Multipart multipart)) {
            throw new AssertionError("The email has no attachment");
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                byte[] bytes;
                try (InputStream in = part.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                String csv = part.getFileName().endsWith(".zip") ? unzipSingleEntry(bytes)
                        : new String(bytes, StandardCharsets.US_ASCII);
                return new Attachment(part.getFileName(), part.getContentType(), csv);
            }
        }
        throw new AssertionError("The email has no attachment");
    }

    /** A count from the email text, by its label ("Rows read", "Withheld", ...). */
    public static long count(Part message, String label) throws MessagingException, IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^" + java.util.regex.Pattern.quote(label) + ":\\s+([0-9,]+)$").matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("No count '" + label + "' in the email");
        }
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    public static boolean hasAttachment(Message message) throws MessagingException, IOException {
        return message.getContent() instanceof Multipart;
    }

    private static String unzipSingleEntry(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) {
                throw new AssertionError("Empty ZIP attachment");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            if (in.getNextEntry() != null) {
                throw new AssertionError("More than one file in the ZIP attachment");
            }
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}

package org.ndoo.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where the benchmark waits for the gateway's emails: its pickup folder, or an SMTP server. */
interface Mailbox extends AutoCloseable {

    /** What the gateway delivered, and when it arrived (epoch ms, this machine's clock). */
    record Delivery(long arrivedAtMillis, String subject, String responseSha256) {
    }

    /** Waits for the next email; fails after {@code timeout}. */
    Delivery next(Duration timeout) throws Exception;

    /** The settings that make the gateway deliver here. */
    java.util.Map<String, String> gatewaySettings();

    @Override
    void close();

    /** Reads a delivered message: its subject and the digest of the response file attached. */
    static Delivery read(long arrivedAtMillis, InputStream eml) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), eml);
        return read(arrivedAtMillis, message);
    }

    static Delivery read(long arrivedAtMillis, MimeMessage message) throws MessagingException, IOException {
        String sha = null;
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    try (InputStream in = part.getInputStream()) {
                        sha = Measurements.responseSha256(in, part.getFileName().endsWith(".zip"));
                    }
                }
            }
        }
        return new Delivery(arrivedAtMillis, message.getSubject(), sha);
    }
}

package org.ndoo.gateway.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A composed email as the RFC 5322 bytes of an {@code .eml} file, for the pickup folder (pickup-mail). */
public final class MessageBytes {

    private MessageBytes() {
    }

    public static byte[] of(MimeMessage message) {
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
}

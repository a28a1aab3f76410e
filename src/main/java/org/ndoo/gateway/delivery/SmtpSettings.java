package org.ndoo.gateway.delivery;

/**
 * The {@code gateway.mail.smtp.*} settings, by name: host, port, transport security (starttls, smtps or none), login
 * (empty username: none), the password or the file holding it, and the connect/answer timeout in milliseconds.
 */
public record SmtpSettings(String host, int port, String security, String username, String password,
        String passwordFile, long timeoutMillis) {
}

package org.ndoo.gateway.delivery;

import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import org.ndoo.gateway.settings.LoopbackHost;
import org.ndoo.gateway.settings.Secrets;

/**
 * The mail session for {@code gateway.mail.transport=smtp}: host, port, transport security and optional login.
 * <ul>
 * <li>{@code starttls}: plain connection upgraded with STARTTLS, which the server must offer (NHSmail relay: port 587).</li>
 * <li>{@code smtps}: TLS from the first byte (port 465).</li>
 * <li>{@code none}: no encryption; refused unless the host is this machine (a local relay or a test server).</li>
 * </ul>
 * Server certificates are checked against the JVM's trust store and the host name.
 */
public final class SmtpSession {

    private SmtpSession() {
    }

    public static Session create(SmtpSettings settings) {
        String host = settings.host();
        String security = settings.security();
        String timeout = Long.toString(settings.timeoutMillis());
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        switch (security.strip().toLowerCase(Locale.ROOT)) {
            case "starttls" -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "smtps" -> {
                props.put("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "none" -> {
                if (!LoopbackHost.is(host)) {
                    throw new IllegalArgumentException("gateway.mail.smtp.security=none is allowed only to a loopback"
                            + " host; " + host + " needs starttls or smtps");
                }
            }
            default -> throw new IllegalArgumentException("gateway.mail.smtp.security must be starttls, smtps or none,"
                    + " not '" + security + "'");
        }
        String user = settings.username() == null ? "" : settings.username().strip();
        if (user.isEmpty()) {
            return Session.getInstance(props);
        }
        String secret = Secrets.resolve(settings.password(), settings.passwordFile());
        props.put("mail.smtp.auth", "true");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, secret);
            }
        });
    }
}

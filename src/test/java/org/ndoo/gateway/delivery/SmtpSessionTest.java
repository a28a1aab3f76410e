package org.ndoo.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSessionTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void noSecurityIsAllowedToThisMachine(String host) {
        Properties props = SmtpSession.create(new SmtpSettings(host, 2525, "none", null, null, null, 5000)).getProperties();

        assertEquals(host, props.getProperty("mail.smtp.host"));
        assertEquals("2525", props.getProperty("mail.smtp.port"));
        assertEquals("5000", props.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("5000", props.getProperty("mail.smtp.timeout"));
        assertEquals("5000", props.getProperty("mail.smtp.writetimeout"));
        assertNull(props.getProperty("mail.smtp.starttls.enable"));
        assertNull(props.getProperty("mail.smtp.ssl.enable"));
        assertNull(props.getProperty("mail.smtp.auth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail.example.org", "192.0.2.10"})
    void noSecurityIsRefusedToAnyOtherHost(String host) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmtpSession.create(new SmtpSettings(host, 25, "none", null, null, null, 5000)));

        assertTrue(e.getMessage().contains("needs starttls or smtps"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls", "ssl", "", "starttls,smtps"})
    void anUnknownSecurityModeIsRefused(String security) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmtpSession.create(new SmtpSettings("127.0.0.1", 25, security, null, null, null, 5000)));

        assertTrue(e.getMessage().contains("must be starttls, smtps or none"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"starttls", " STARTTLS "})
    void starttlsIsRequiredNotJustTried(String security) {
        Properties props = SmtpSession.create(new SmtpSettings("mail.example.org", 587, security, null, null, null, 5000)).getProperties();

        assertEquals("true", props.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", props.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", props.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertNull(props.getProperty("mail.smtp.ssl.enable"));
    }

    @Test
    void smtpsUsesTlsFromTheStart() {
        Properties props = SmtpSession.create(new SmtpSettings("mail.example.org", 465, "smtps", null, null, null, 5000)).getProperties();

        assertEquals("true", props.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", props.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertNull(props.getProperty("mail.smtp.starttls.enable"));
    }

    @Test
    void aUsernameTurnsOnLogin() {
        Session session = SmtpSession.create(new SmtpSettings("mail.example.org", 587, "starttls", " gateway@nhs.net ", " s3cret ",
                null, 5000));

        assertEquals("true", session.getProperties().getProperty("mail.smtp.auth"));
        PasswordAuthentication login = session.requestPasswordAuthentication(null, 587, "smtp", null, null);
        assertEquals("gateway@nhs.net", login.getUserName());
        assertEquals("s3cret", login.getPassword());
    }

    @Test
    void aBlankUsernameMeansNoLogin() {
        Session session = SmtpSession.create(new SmtpSettings("mail.example.org", 587, "starttls", "  ", "s3cret", null, 5000));

        assertFalse(session.getProperties().containsKey("mail.smtp.auth"));
        assertNull(session.requestPasswordAuthentication(null, 587, "smtp", null, null));
    }

    @Test
    void thePasswordFileWinsOverThePassword() throws IOException {
        Path passwordFile = Files.writeString(tempDir.resolve("smtp-password"), "from-file\n");

        Session session = SmtpSession.create(new SmtpSettings("mail.example.org", 587, "starttls", "gateway@nhs.net", "from-value",
                passwordFile.toString(), 5000));

        assertEquals("true", session.getProperties().getProperty("mail.smtp.auth"));
        assertEquals("from-file", session.requestPasswordAuthentication(null, 587, "smtp", null, null).getPassword());
    }

    @Test
    void aMissingPasswordFileIsAnError() {
        String missing = tempDir.resolve("absent").toString();

        assertThrows(UncheckedIOException.class, () -> SmtpSession.create(new SmtpSettings("mail.example.org", 587, "starttls",
                "gateway@nhs.net", null, missing, 5000)));
    }
}

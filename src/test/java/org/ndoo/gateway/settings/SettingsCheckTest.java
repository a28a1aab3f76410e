package org.ndoo.gateway.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.startup.StartupRefused;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsCheckTest {

    @TempDir
    Path tempDir;

    /** The documented defaults (config/application.properties) that matter here, with a readable register. */
    private Map<String, String> settings(String lookupType, String mailTransport, String chunkSize) throws IOException {
        Map<String, String> s = new HashMap<>();
        s.put("gateway.lookup.type", lookupType);
        s.put("gateway.mail.transport", mailTransport);
        s.put("gateway.lookup.chunk-size", chunkSize);
        s.put("gateway.retry.resubmit-first-delay", "1m");
        s.put("gateway.retry.resubmit-max-delay", "30m");
        s.put("gateway.retry.max-age", "24h");
        s.put("gateway.lookup.sandbox.optouts", Files.writeString(tempDir.resolve("optouts.txt"), "").toString());
        s.put("gateway.lookup.http.url", "http://localhost:8089/opt-out-lookup");
        s.put("gateway.lookup.http.connect-timeout", "10000");
        s.put("gateway.lookup.http.response-timeout", "120000");
        s.put("gateway.mail.pickup-dir", "outbox");
        s.put("gateway.mail.smtp.host", "localhost");
        s.put("gateway.mail.smtp.port", "587");
        s.put("gateway.mail.smtp.security", "starttls");
        s.put("gateway.mail.smtp.timeout", "30000");
        s.put("gateway.web.auth", "email-link");
        s.put("gateway.web.proxy-header", "X-Forwarded-Email");
        s.put("gateway.web.trusted-proxies", "");
        s.put("gateway.web.host", "127.0.0.1");
        return s;
    }

    private static void check(Map<String, String> settings) {
        new SettingsCheck(settings::get).check();
    }

    private static String refusal(Map<String, String> settings) {
        return assertThrows(StartupRefused.class, () -> check(settings)).getMessage();
    }

    @Test
    void anSftpSourceThatCannotWorkIsRefusedNamingItsKey() throws IOException {
        Map<String, String> settings = settings("sandbox", "pickup", "100");
        settings.put("gateway.sftp.sources", "warehouse");
        settings.put("gateway.sftp.warehouse.host", "sftp.example.nhs.uk");
        settings.put("gateway.sftp.warehouse.username", "ndoo-gateway");
        settings.put("gateway.sftp.warehouse.private-key-file", settings.get("gateway.lookup.sandbox.optouts"));
        settings.put("gateway.sftp.warehouse.known-hosts-file", settings.get("gateway.lookup.sandbox.optouts"));
        settings.put("gateway.sftp.warehouse.reply", "sftp");

        assertTrue(refusal(settings).startsWith("gateway.sftp.warehouse.reply-dir is required"), refusal(settings));
    }

    @Test
    void acceptsTheDocumentedValues() throws IOException {
        assertDoesNotThrow(() -> check(settings("sandbox", "pickup", "100000")));
        assertDoesNotThrow(() -> check(settings("http", "smtp", "1")));
    }

    @Test
    void refusesAClusteredGatewayWithoutAPostgresqlStateDatabase() throws IOException {
        Map<String, String> clustered = settings("sandbox", "pickup", "100");
        clustered.put("camel.cluster.file.enabled", "true");
        clustered.put("gateway.state.jdbc-url", "");
        assertTrue(refusal(clustered).startsWith("gateway.state.jdbc-url must be a jdbc:postgresql:"),
                refusal(clustered));
        clustered.put("gateway.state.jdbc-url", "jdbc:postgresql://db.example.org/gateway");
        assertDoesNotThrow(() -> check(clustered));
    }

    @Test
    void refusesAnUnknownLookupType() throws IOException {
        String reason = refusal(settings("carrier-pigeon", "pickup", "100"));
        assertTrue(reason.contains("gateway.lookup.type"), reason);
    }

    @Test
    void refusesAnUnknownTransportAndAnOversizedChunk() throws IOException {
        assertTrue(refusal(settings("http", "sendmail", "100")).startsWith("gateway.mail.transport "));
        assertTrue(refusal(settings("http", "smtp", "100001")).startsWith("gateway.lookup.chunk-size "));
        assertTrue(refusal(settings("http", "smtp", "0")).startsWith("gateway.lookup.chunk-size "));
    }

    @ParameterizedTest
    @CsvSource({
            "http, pickup, gateway.lookup.http.url, localhost:8089/opt-out-lookup",
            "http, pickup, gateway.lookup.http.url, ftp://localhost/opt-out-lookup",
            "http, pickup, gateway.lookup.http.url, http://lookup host/x",
            "http, pickup, gateway.lookup.http.url, ''",
            "http, pickup, gateway.lookup.http.token-file, /no/such/token",
            "http, pickup, gateway.lookup.http.response-timeout, 2m",
            "http, pickup, gateway.retry.max-age, PT24H",
            "http, pickup, gateway.retry.resubmit-first-delay, 0s",
            "http, pickup, gateway.retry.resubmit-max-delay, soon",
            "sandbox, pickup, gateway.lookup.sandbox.optouts, /no/such/register",
            "sandbox, pickup, gateway.mail.pickup-dir, ''",
            "sandbox, smtp, gateway.mail.smtp.host, ''",
            "sandbox, smtp, gateway.mail.smtp.port, 0",
            "sandbox, smtp, gateway.mail.smtp.port, smtp",
            "sandbox, smtp, gateway.mail.smtp.security, tls",
            "sandbox, smtp, gateway.mail.smtp.security, none",
            "sandbox, smtp, gateway.mail.smtp.timeout, 30s",
            "sandbox, smtp, gateway.mail.smtp.password-file, /no/such/password",
            "sandbox, pickup, gateway.state.password-file, /no/such/state-password"})
    void refusesASettingOfTheChosenLookupOrTransportThatCannotWorkNamingIt(String lookup, String transport, String key,
            String value) throws IOException {
        Map<String, String> settings = settings(lookup, transport, "100");
        settings.put("gateway.mail.smtp.host", "mail.example.org");
        settings.put(key, value);

        assertTrue(refusal(settings).startsWith(key), refusal(settings));
    }

    @Test
    void aLoginInTheLookupUrlIsRefusedWithoutShowingIt() throws IOException {
        Map<String, String> settings = settings("http", "pickup", "100");
        settings.put("gateway.lookup.http.url", "https://gateway:s3cret@lookup.example.org/x");

        String reason = refusal(settings);
        assertTrue(reason.startsWith("gateway.lookup.http.url "), reason);
        assertTrue(!reason.contains("s3cret"), reason);
    }

    @Test
    void noSecurityToThisMachineIsAccepted() throws IOException {
        Map<String, String> settings = settings("sandbox", "smtp", "100");
        settings.put("gateway.mail.smtp.host", "127.0.0.1");
        settings.put("gateway.mail.smtp.security", "none");

        assertDoesNotThrow(() -> check(settings));
    }

    @Test
    void aMeshMaxWaitThatIsNotADurationIsRefused() throws IOException {
        Map<String, String> settings = settings("mesh", "pickup", "100");
        settings.put("gateway.lookup.mesh.max-wait", "48h");
        assertDoesNotThrow(() -> check(settings));

        settings.put("gateway.lookup.mesh.max-wait", "PT48H");
        assertTrue(refusal(settings).startsWith("gateway.lookup.mesh.max-wait "), refusal(settings));
    }

    @Test
    void durationsAreCamelsAndPositive() {
        assertEquals(Duration.ofMinutes(90), SettingsCheck.duration("k", "1h30m"));
        assertEquals(Duration.ofDays(2), SettingsCheck.duration("k", "2d"));
        assertEquals(Duration.ofMillis(500), SettingsCheck.duration("k", "500"));
        String reason = assertThrows(StartupRefused.class, () -> SettingsCheck.duration("gateway.retry.max-age", "PT24H"))
                .getMessage();
        assertTrue(reason.contains("gateway.retry.max-age") && reason.contains("'PT24H'"), reason);
    }

    @Test
    void anUnknownWebSignInModeIsRefused() throws IOException {
        Map<String, String> s = settings("sandbox", "pickup", "100000");
        s.put("gateway.web.auth", "password");
        assertEquals("gateway.web.auth must be one of [email-link, proxy-header], not 'password'", refusal(s));
    }

    @Test
    void proxyHeaderSignInNeedsATrustedProxy() throws IOException {
        Map<String, String> s = settings("sandbox", "pickup", "100000");
        s.put("gateway.web.auth", "proxy-header");
        assertTrue(refusal(s).startsWith("gateway.web.trusted-proxies must name the reverse proxies"), refusal(s));
        s.put("gateway.web.trusted-proxies", "10.0.0.5, proxy.example.nhs.uk");
        assertEquals("gateway.web.trusted-proxies: 'proxy.example.nhs.uk' is not an IP address or CIDR range", refusal(s));
        s.put("gateway.web.trusted-proxies", "10.0.0.0/33");
        assertEquals("gateway.web.trusted-proxies: '10.0.0.0/33' has no prefix length from 0 to 32", refusal(s));
        s.put("gateway.web.trusted-proxies", "10.0.0.0/24, ::1");
        s.put("gateway.web.proxy-header", "X-Forwarded-Email: x");
        assertTrue(refusal(s).startsWith("gateway.web.proxy-header must be an HTTP header name"), refusal(s));
        s.put("gateway.web.proxy-header", "X-Forwarded-Email");
        assertDoesNotThrow(() -> check(s));
    }

    @Test
    void aFrontDoorOffLoopbackNeedsAKeyStoreThatOpens() throws IOException {
        Map<String, String> s = settings("sandbox", "pickup", "100000");
        s.put("gateway.web.host", "0.0.0.0");
        assertTrue(refusal(s).startsWith("gateway.web.host 0.0.0.0 is not a loopback address: the web front door"
                + " needs TLS there; set gateway.web.tls.keystore-file"), refusal(s));
        s.put("gateway.web.host", "");
        assertTrue(refusal(s).startsWith("gateway.web.host (empty: every address) is not a loopback address"), refusal(s));
        s.put("gateway.web.tls.keystore-file", tempDir.resolve("missing.p12").toString());
        assertTrue(refusal(s).startsWith("gateway.web.tls.keystore-file "), refusal(s));
        Path notAKeyStore = Files.writeString(tempDir.resolve("not-a-key-store.p12"), "not a key store");
        s.put("gateway.web.tls.keystore-file", notAKeyStore.toString());
        assertTrue(refusal(s).startsWith("gateway.web.tls.keystore-password must be set"), refusal(s));
        s.put("gateway.web.tls.keystore-password", "secret-value");
        assertEquals("gateway.web.tls.keystore-file " + notAKeyStore + " cannot be opened as a PKCS12 key store with"
                + " the password given (wrong password, or not PKCS12)", refusal(s));
        assertTrue(!refusal(s).contains("secret-value"), "the password is not shown");
    }

    @Test
    void theOperatorsPagesNeverShareTheFrontDoorsPort() throws IOException {
        Map<String, String> s = settings("sandbox", "pickup", "100000");
        s.put("gateway.web.port", "8380");
        s.put("gateway.observe.port", "8380");
        assertTrue(refusal(s).startsWith("gateway.observe.port 8380 must differ from gateway.web.port"), refusal(s));
        s.put("gateway.observe.port", "9876");
        assertDoesNotThrow(() -> check(s));
    }
}

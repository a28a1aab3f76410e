package org.ndoo.gateway.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SftpSourceTest {

    @TempDir
    Path dir;

    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void completeSettings() throws IOException {
        settings.putAll(complete(dir));
    }

    /** A source's required settings (without the gateway.sftp.<name>. prefix), its key files written into dir. */
    static Map<String, String> complete(Path dir) throws IOException {
        return Map.of("host", "sftp.example.nhs.uk", "username", "ndoo-gateway",
                "private-key-file", Files.writeString(dir.resolve("key"), "k").toString(),
                "known-hosts-file", Files.writeString(dir.resolve("known_hosts"), "h").toString());
    }

    @Test
    void defaultsApplyToWhatIsNotSet() {
        SftpSource source = SftpSource.from("warehouse", settings::get);

        assertEquals(22, source.port());
        assertEquals(".", source.remoteDir());
        assertEquals(30000, source.pollInterval());
        assertEquals("", source.defaultRecipient());
        assertEquals("", source.privateKeyPassphrase());
    }

    @Test
    void aMissingKnownHostsFileIsAStartUpErrorNamingTheKey() {
        settings.put("known-hosts-file", dir.resolve("absent").toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SftpSource.from("warehouse", settings::get));
        assertTrue(e.getMessage().startsWith("gateway.sftp.warehouse.known-hosts-file"), e.getMessage());
        assertTrue(e.getMessage().contains("host keys are always verified"), e.getMessage());
    }

    @Test
    void requiredSettingsAreNamed() {
        settings.remove("host");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SftpSource.from("warehouse", settings::get));
        assertEquals("gateway.sftp.warehouse.host is required for SFTP source 'warehouse'", e.getMessage());
    }

    @Test
    void thePassphraseComesFromItsFile() throws IOException {
        settings.put("private-key-passphrase-file", Files.writeString(dir.resolve("pass"), "s3cret\n").toString());

        assertEquals("s3cret", SftpSource.from("warehouse", settings::get).privateKeyPassphrase());
    }

    @Test
    void refusesAnInvalidDefaultRecipientAndSourceName() {
        settings.put("default-recipient", "team@nhs.net, other@nhs.net");
        assertThrows(IllegalArgumentException.class, () -> SftpSource.from("warehouse", settings::get));
        settings.remove("default-recipient");
        assertThrows(IllegalArgumentException.class, () -> SftpSource.from("ware house", settings::get));
    }

    @Test
    void theDescriptionHoldsNoSecret() throws IOException {
        settings.put("private-key-passphrase", "s3cret");

        assertTrue(!SftpSource.from("warehouse", settings::get).toString().contains("s3cret"));
    }
}

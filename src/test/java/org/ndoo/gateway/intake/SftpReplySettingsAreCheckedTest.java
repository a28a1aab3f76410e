package org.ndoo.gateway.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gateway.sftp.<name>.reply} and {@code reply-dir}: email by default; a reply over SFTP needs a reply folder
 * outside the polled one, without '..'; anything else stops start-up in one line naming the key.
 */
class SftpReplySettingsAreCheckedTest {

    @TempDir
    Path dir;

    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void completeSettings() throws IOException {
        settings.putAll(SftpSourceTest.complete(dir));
        settings.put("remote-dir", "outgoing");
    }

    @Test
    void resultsAreMailedUnlessSaidOtherwise() {
        SftpSource source = SftpSource.from("warehouse", settings::get);

        assertEquals("email", source.reply());
        assertFalse(source.repliesOverSftp());
        assertTrue(source.repliesByEmail());
    }

    @ParameterizedTest
    @CsvSource({"sftp, results, results, true, false", "both, ./results/, results, true, true",
            "SFTP, /srv/replies, /srv/replies, true, false", "both, outgoing-results, outgoing-results, true, true"})
    void aReplyFolderOutsideThePolledOneIsTaken(String reply, String replyDir, String kept, boolean overSftp,
            boolean byEmail) {
        settings.put("reply", reply);
        settings.put("reply-dir", replyDir);

        SftpSource source = SftpSource.from("warehouse", settings::get);

        assertEquals(kept, source.replyDir());
        assertEquals(overSftp, source.repliesOverSftp());
        assertEquals(byEmail, source.repliesByEmail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp | results | reply | must be email, sftp or both",
            "sftp | '' | reply-dir | is required",
            "both | ../results | reply-dir | must not climb out",
            "sftp | outgoing | reply-dir | is inside gateway.sftp.warehouse.remote-dir",
            "sftp | outgoing/results | reply-dir | is inside gateway.sftp.warehouse.remote-dir"})
    void aReplyThatCannotWorkIsRefusedNamingItsKey(String reply, String replyDir, String key, String why) {
        settings.put("reply", reply);
        settings.put("reply-dir", replyDir);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SftpSource.from("warehouse", settings::get));
        assertTrue(e.getMessage().startsWith("gateway.sftp.warehouse." + key + " "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void theLoginFolderPolledLeavesNoRelativeReplyFolder() {
        settings.remove("remote-dir");
        settings.put("reply", "sftp");
        settings.put("reply-dir", "results");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SftpSource.from("warehouse", settings::get));
        assertTrue(e.getMessage().contains("is inside gateway.sftp.warehouse.remote-dir '.'"), e.getMessage());
    }
}

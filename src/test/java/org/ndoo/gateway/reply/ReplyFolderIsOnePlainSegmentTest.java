package org.ndoo.gateway.reply;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndoo.gateway.intake.SftpSource;
import org.ndoo.gateway.submission.Submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where a reply goes under the reply-dir: the submitter folder for a file pushed into one, the reply-dir itself for
 * a flat file, and nowhere for a file from deeper down or a folder name that would add structure (a dot name, a
 * control character, a backslash).
 */
class ReplyFolderIsOnePlainSegmentTest {

    private static final SftpReplies REPLIES = new SftpReplies(List.of(new SftpSource("warehouse", "sftp.example",
            22, "u", "key", "", "known_hosts", "outgoing", 1000, "team@nhs.net", "sftp", "results")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "outgoing/a@nhs.net/f.csv | a@nhs.net | a@nhs.net/",
            "outgoing/f.csv | team@nhs.net | ''",
            "outgoing/a@nhs.net/sub/f.csv | a@nhs.net/sub | NONE",
            "outgoing/.hidden/f.csv | .hidden | NONE",
            "outgoing/a\\b/f.csv | a\\b | NONE"})
    void theFolderIsTheSubmittersOrNone(String remotePath, String submitterFolder, String expected) {
        assertEquals(expected, REPLIES.folder(pushed(remotePath, submitterFolder)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0007b", "a\nb", "a\u0085b"})
    void aControlCharacterInTheFolderGetsNoReply(String folder) {
        assertEquals(null, REPLIES.folder(pushed("outgoing/" + folder + "/f.csv", folder)));
    }

    private static Submission pushed(String remotePath, String submitterFolder) {
        return Submission.restored("NDOO-20261202-000000-AAAAA", "sftp:warehouse",
                Submission.remoteOrigin("sftp.example", remotePath), Path.of("f.csv"), "f.csv", submitterFolder, 1,
                null, Instant.now(), null);
    }
}

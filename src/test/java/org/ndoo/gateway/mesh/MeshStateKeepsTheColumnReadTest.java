package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Submission;

/** A MESH submission's result email, sent after a restart, still names the column that was read. */
class MeshStateKeepsTheColumnReadTest {

    @TempDir
    Path tempDir;

    @Test
    void theColumnSurvivesSaveAndLoad() throws IOException {
        assertEquals(new NumberColumn(3, "NHS Number"), savedAndLoaded(new NumberColumn(3, "NHS Number")));
        assertEquals("column 1, no header row", savedAndLoaded(new NumberColumn(1, null)).describe());
    }

    private NumberColumn savedAndLoaded(NumberColumn column) throws IOException {
        Path work = Files.createTempDirectory(tempDir, "work");
        Submission s = new Submission("NDOO-20250101-120000-MESH1", "shared-folder", tempDir.resolve("list.csv"),
                "a@nhs.net", 100);
        s = s.trusted("a@nhs.net").inWorkFolder(work);
        s.getCounts().readFrom(column);
        MeshState.start(s, 1, 100_000, Instant.now().plusSeconds(3600)).save();

        return MeshState.load(work).submission().getNumberColumn();
    }
}

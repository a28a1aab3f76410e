package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;

/** A MESH submission's result email, sent after a restart, still names the column that was read. */
class MeshStateKeepsTheColumnReadTest {

    @TempDir
    Path tempDir;

    @Test
    void theColumnSurvivesTheWait() throws Exception {
        assertEquals(new NumberColumn(3, "NHS Number"), storedAndRestored(new NumberColumn(3, "NHS Number")));
        assertEquals("column 1, no header row", storedAndRestored(new NumberColumn(1, null)).describe());
    }

    /** The column after the wait went into the real wait repository (an H2 file) and came back from a new one. */
    private NumberColumn storedAndRestored(NumberColumn column) throws Exception {
        Path work = Files.createTempDirectory(tempDir, "work");
        Submission s = new Submission("NDOO-20250101-120000-MESH1", "shared-folder", tempDir.resolve("list.csv"),
                "a@nhs.net", 100);
        s = s.trusted("a@nhs.net").inWorkFolder(work);
        MeshWaits waits = new MeshWaits(null, 100_000, 3_600_000);
        String url = "jdbc:h2:file:" + work.resolve("state/mesh-waits");
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            MeshWaitRepository saving = new MeshWaitRepository(() -> context, MeshWaitRepository.dataSource(url, "", ""), 5000);
            saving.start();
            Exchange wait = new DefaultExchange(context);
            wait.getIn().setBody(waits.open(s, new Reading(1, 1, 0, 0, java.util.Map.of(), List.of(), column), List.of("MESSAGE-1")));
            saving.add(context, s.getReference(), wait);
            saving.stop();

            MeshWaitRepository reading = new MeshWaitRepository(() -> context, MeshWaitRepository.dataSource(url, "", ""), 5000);
            reading.start();
            MeshWait restored = reading.get(context, s.getReference()).getIn().getBody(MeshWait.class);
            reading.stop();
            return waits.reading(restored).column();
        }
    }
}

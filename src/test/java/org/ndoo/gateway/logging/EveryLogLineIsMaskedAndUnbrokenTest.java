package org.ndoo.gateway.logging;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the gateway's own logback.xml (the file the tests log to): a message and an exception (with a cause) that
 * quote a name holding an NHS number, CR/LF and an ANSI escape come out as one masked line plus the stack trace,
 * whatever logger wrote them.
 */
class EveryLogLineIsMaskedAndUnbrokenTest {

    private static final Path LOG = Path.of(System.getProperty("gateway.log.file", "target/test-gateway.log"));

    @Test
    void aHostileNameInAMessageAndAnExceptionIsMaskedAndEscaped() throws IOException {
        long mark = Files.exists(LOG) ? Files.size(LOG) : 0;
        Logger camelLike = LoggerFactory.getLogger("org.apache.camel.component.file.GenericFileOnCompletion");
        String name = "inbox/a@nhs.net/list 9990000018\r\n2026-12-01 00:00:00.000 [main] INFO Forged - x\u001b[31m.csv";
        camelLike.warn("Rollback file strategy for file: {}", name,
                new IllegalStateException("Cannot read " + name, new IOException("no such file 999 000 0018\nforged")));

        List<String> lines = linesSince(mark);
        assertTrue(lines.get(0).contains("WARN GenericFileOnCompletion - Rollback file strategy for file: inbox/a@nhs.net"
                + "/list #########\\r\\n2026-12-01 00:00:00.000 [main] INFO Forged - x\\u001b[31m.csv"), lines.get(0));
        assertEquals("java.lang.IllegalStateException: Cannot read inbox/a@nhs.net/list #########\\r\\n2026-12-01"
                + " 00:00:00.000 [main] INFO Forged - x\\u001b[31m.csv", lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.equals("Caused by: java.io.IOException: no such file #########\\nforged")),
                String.join("\n", lines));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("\tat ") || line.startsWith("\t... ") || line.startsWith("java.lang.")
                    || line.startsWith("Caused by: "), "a line forged by the name: " + line);
        }
        String all = String.join("\n", lines);
        assertFalse(all.contains("9990000018") || all.contains("999 000 0018"), all);
        assertFalse(all.contains("\u001b"), "an escape character reached the log");
    }

    private static List<String> linesSince(long mark) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] tail = new byte[(int) (file.length() - mark)];
            file.seek(mark);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).lines().toList();
        }
    }
}

package org.ndoo.gateway.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The jar makes each bean once, so its start-up work is done once: the work directory is cleared of what an earlier
 * run left exactly once, and the folder left behind is removed with one line. Before, the YAML beans were made twice
 * (once to pre-parse the bean file, once to load it), and the work directory was cleared twice.
 */
class StartUpWorkRunsOnceTest extends JarTestSupport {

    @Test
    void theWorkDirectoryIsClearedOnce() throws Exception {
        Path dir = newDir();
        Path leftOver = Files.createDirectories(dir.resolve("work").resolve("NDOO-20261201-120000-LEFT1"));
        Files.writeString(leftOver.resolve("part.txt"), "partial work of an earlier run\n");
        Map<String, String> settings = settings(dir);

        GatewayProcess gateway = startJar(settings, dir);

        assertEquals(1, gateway.logLines("Clearing the work directory ").size(), gateway.log());
        assertEquals(1, gateway.logLines("Removing NDOO-20261201-120000-LEFT1 left in the work directory").size(),
                gateway.log());
        assertFalse(Files.exists(leftOver), "the left-over folder is removed");
    }
}

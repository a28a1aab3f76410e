package org.ndoo.gateway.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An HTTP lookup that cannot work (a URL without http:// or https://, a token file that is not there): the jar
 * stops at start-up with one line naming the setting, exit status 1, and leaves a file already waiting in the inbox
 * alone. Before, both stopped it with a stack trace (Camel's "No endpoint could be found for: localhost://8089/...",
 * the token file's NoSuchFileException) and no line naming the setting.
 */
class MisconfiguredLookupStopsStartUpInOneLineTest extends JarTestSupport {

    @ParameterizedTest
    @CsvSource({
            "gateway.lookup.http.url, localhost:8089/opt-out-lookup",
            "gateway.lookup.http.token-file, missing-token.txt"})
    void theSettingIsNamedInOneLineAndNothingIsConsumed(String key, String value) throws Exception {
        Path dir = newDir();
        Path waiting = drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(SyntheticNhsNumbers.valid(0, 3)));
        Map<String, String> settings = settings(dir);
        settings.put("gateway.lookup.type", "http");
        settings.put("gateway.lookup.http.url", "http://127.0.0.1:8089/opt-out-lookup");
        settings.put(key, key.endsWith("-file") ? dir.resolve(value).toString() : value);

        GatewayProcess gateway = launchJar(settings, List.of(), dir.resolve("gateway.log"));

        assertEquals(1, gateway.awaitExit(Duration.ofSeconds(60)), "exit status; log: " + gateway.log());
        List<String> refusal = gateway.logLines("Not started: ");
        assertEquals(1, refusal.size(), gateway.log());
        assertTrue(refusal.get(0).contains("Not started: " + key + " "), refusal.get(0));
        assertFalse(gateway.logContains("Exception"), "no stack trace: " + gateway.log());
        assertFalse(gateway.logContains(GatewayProcess.READY), "never ready");
        assertTrue(Files.exists(waiting), "the waiting file was not consumed");
    }
}

package org.ndoo.gateway.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.junit.jupiter.api.io.TempDir;

class SandboxRegistryTest {

    private static final String A = SyntheticNhsNumbers.withCheckDigit("999000001"); // 9990000018
    private static final String B = SyntheticNhsNumbers.withCheckDigit("999000002");
    private static final String C = SyntheticNhsNumbers.withCheckDigit("999000003");
    private static final String D = SyntheticNhsNumbers.withCheckDigit("999000004");

    @TempDir
    Path tempDir;

    @Test
    void loadsOptOutsSkippingCommentsAndBlankLines() throws IOException {
        SandboxRegistry registry = registry("# synthetic opt-outs\n\n" + A + "\n   \n  # indented comment\n  " + C + "  \n");

        assertEquals(2, registry.size());
    }

    @Test
    void answersTheAskedNumbersThatAreNotOptedOut() throws IOException {
        SandboxRegistry registry = registry("# opted out\n" + A + "\n" + C + "\n");

        assertEquals(D + "\n" + B + "\n", registry.answer(String.join("\n", A, D, B, C)));
        assertEquals("", registry.answer(A + "\n" + C + "\n"));
    }

    @Test
    void acceptsDisplayFormInTheFile() throws IOException {
        SandboxRegistry registry = registry("999 000 0018\n");

        assertEquals(B + "\n", registry.answer(A + "\n" + B));
    }

    @Test
    void refusesAFileWithAnInvalidNumber() throws IOException {
        String wrongCheck = A.substring(0, 9) + "9";
        Path file = Files.writeString(tempDir.resolve("optouts.txt"), "# header\n" + A + "\n" + wrongCheck + "\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SandboxRegistry(file.toString()));

        assertTrue(e.getMessage().startsWith("Line 3 of "), e.getMessage());
        assertFalse(e.getMessage().contains(wrongCheck), e.getMessage());
    }

    @Test
    void aMissingFileIsAnError() {
        assertThrows(UncheckedIOException.class, () -> new SandboxRegistry(tempDir.resolve("absent.txt").toString()));
    }

    @Test
    void readsAUtf8FileWithABomAndNonAsciiComments() throws IOException {
        SandboxRegistry registry = registry("\uFEFF# opt-outs \u2014 synthetic\n" + A + "\n");

        assertEquals(1, registry.size());
        assertEquals(B + "\n", registry.answer(A + "\n" + B));
    }

    private SandboxRegistry registry(String content) throws IOException {
        return new SandboxRegistry(Files.writeString(tempDir.resolve("optouts.txt"), content).toString());
    }

}

package org.ndoo.gateway.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

class LookupChunksTest {

    @TempDir
    Path dir;

    @Test
    void splitsTheValidNumbersIntoChunksOfTheConfiguredSize() throws IOException {
        List<String> numbers = SyntheticNhsNumbers.valid(0, 7);
        Path file = Files.writeString(dir.resolve("valid-numbers.txt"), String.join("\n", numbers) + "\n");

        List<String> chunks = new ArrayList<>();
        new LookupChunks(3).of(file).forEachRemaining(chunks::add);

        assertEquals(List.of(lines(numbers.subList(0, 3)), lines(numbers.subList(3, 6)), lines(numbers.subList(6, 7))),
                chunks);
    }

    @Test
    void anExactMultipleEndsWithAFullChunk() throws IOException {
        List<String> numbers = SyntheticNhsNumbers.valid(0, 4);
        Path file = Files.writeString(dir.resolve("valid-numbers.txt"), String.join("\n", numbers) + "\n");

        List<String> chunks = new ArrayList<>();
        new LookupChunks(2).of(file).forEachRemaining(chunks::add);

        assertEquals(List.of(lines(numbers.subList(0, 2)), lines(numbers.subList(2, 4))), chunks);
    }

    @Test
    void anEmptyFileHasNoChunks() throws IOException {
        Iterator<String> chunks = new LookupChunks(100_000).of(Files.writeString(dir.resolve("empty.txt"), ""));

        assertFalse(chunks.hasNext());
        assertThrows(NoSuchElementException.class, chunks::next);
    }

    /** The split EIP closes a Closeable iterator when it ends or fails: that is what releases the work file. */
    @Test
    void isCloseableSoTheSplitCanReleaseTheFile() throws IOException {
        Iterator<String> chunks = new LookupChunks(1).of(Files.writeString(dir.resolve("one.txt"),
                SyntheticNhsNumbers.valid(0, 2).get(0) + "\n"));

        assertTrue(chunks instanceof Closeable);
        ((Closeable) chunks).close();
    }

    private static String lines(List<String> numbers) {
        return String.join("\n", numbers) + "\n";
    }
}

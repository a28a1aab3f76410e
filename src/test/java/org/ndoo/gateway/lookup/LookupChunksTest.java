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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

class LookupChunksTest {

    @TempDir
    Path dir;

    /** 7 numbers in chunks of 3 end with a short chunk; 4 in chunks of 2 end with a full one. */
    @ParameterizedTest
    @CsvSource({"7, 3", "4, 2"})
    void splitsTheValidNumbersIntoChunksOfTheConfiguredSize(int count, int chunkSize) throws IOException {
        List<String> numbers = SyntheticNhsNumbers.valid(0, count);
        Path file = Files.writeString(dir.resolve("valid-numbers.txt"), String.join("\n", numbers) + "\n");

        List<String> chunks = new ArrayList<>();
        new LookupChunks(chunkSize).of(file).forEachRemaining(chunks::add);

        List<String> expected = new ArrayList<>();
        for (int from = 0; from < count; from += chunkSize) {
            expected.add(lines(numbers.subList(from, Math.min(count, from + chunkSize))));
        }
        assertEquals(expected, chunks);
        assertEquals((count + chunkSize - 1) / chunkSize, chunks.size());
    }

    /** CRLF and CR line ends become LF, also where a CRLF falls across the 64 KB block the file is read in. */
    @ParameterizedTest
    @CsvSource({"'\r\n', 7000", "'\r', 7000", "'\n', 7000", "'\r\n', 3"})
    void everyLineEndBecomesLf(String end, int chunkSize) throws IOException {
        List<String> numbers = SyntheticNhsNumbers.valid(0, 15_000);
        // a last line without a line end; about 180,000 bytes (three blocks of 64 KB)
        Path file = Files.writeString(dir.resolve("valid-numbers.txt"), String.join(end, numbers));

        List<String> chunks = new ArrayList<>();
        new LookupChunks(chunkSize).of(file).forEachRemaining(chunks::add);

        assertEquals(lines(numbers), String.join("", chunks));
        assertTrue(chunks.stream().allMatch(c -> c.split("\n").length <= chunkSize), "chunks of at most " + chunkSize);
        assertEquals((numbers.size() + chunkSize - 1) / chunkSize, chunks.size());
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

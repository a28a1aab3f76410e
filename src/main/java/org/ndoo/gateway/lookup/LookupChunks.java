package org.ndoo.gateway.lookup;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A submission's valid numbers (one per line, from the work folder) as lookup requests: chunks of at most
 * {@code gateway.lookup.chunk-size} lines, read one at a time as the split EIP asks for them, so only one chunk is
 * ever in memory. The split closes the iterator, and with it the file, when it ends or fails.
 */
public final class LookupChunks {

    private final int chunkSize;

    public LookupChunks(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    /** The chunks of {@code validNumbers}, each LF-terminated line by line. */
    public Iterator<String> of(Path validNumbers) {
        try {
            return new ChunkIterator(Files.newBufferedReader(validNumbers, StandardCharsets.US_ASCII), chunkSize);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the valid numbers " + validNumbers.getFileName(), e);
        }
    }

    private static final class ChunkIterator implements Iterator<String>, Closeable {

        private final BufferedReader reader;
        private final int chunkSize;
        private String next;

        ChunkIterator(BufferedReader reader, int chunkSize) {
            this.reader = reader;
            this.chunkSize = chunkSize;
            this.next = read();
        }

        private String read() {
            StringBuilder chunk = new StringBuilder(chunkSize * 11);
            try {
                String line;
                for (int lines = 0; lines < chunkSize && (line = reader.readLine()) != null; lines++) {
                    chunk.append(line).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the valid numbers", e);
            }
            if (chunk.length() == 0) {
                close();
                return null;
            }
            return chunk.toString();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public String next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String chunk = next;
            next = read();
            return chunk;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

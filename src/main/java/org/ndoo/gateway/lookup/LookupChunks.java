package org.ndoo.gateway.lookup;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
            return new ChunkIterator(Files.newInputStream(validNumbers), chunkSize);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the valid numbers " + validNumbers.getFileName(), e);
        }
    }

    /**
     * Reads the file's bytes in blocks and copies whole lines into one chunk, without a string per line (a chunk is
     * 100,000 lines, so this is on the hot path). LF, CRLF and CR line ends all become LF.
     */
    private static final class ChunkIterator implements Iterator<String>, Closeable {

        private final InputStream in;
        private final int chunkSize;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private boolean afterCr;
        private String next;

        ChunkIterator(InputStream in, int chunkSize) {
            this.in = in;
            this.chunkSize = chunkSize;
            this.next = read();
        }

        private String read() {
            if (position == limit && !fill()) {
                // the end of the file: no chunk buffer for nothing
                close();
                return null;
            }
            byte[] chunk = new byte[(int) Math.min(chunkSize * 11L, 1 << 24)];
            int length = 0;
            int lines = 0;
            while (lines < chunkSize && (position < limit || fill())) {
                if (afterCr && buffer[position] == '\n') {
                    // the LF of a CRLF: its CR was the line end
                    afterCr = false;
                    position++;
                    continue;
                }
                // the bytes up to the next CR (or the chunk's last line, or the block's end), copied in one go
                int end = position;
                while (end < limit && lines < chunkSize && buffer[end] != '\r') {
                    if (buffer[end++] == '\n') {
                        lines++;
                    }
                }
                if (end > position) {
                    chunk = room(chunk, length + end - position);
                    System.arraycopy(buffer, position, chunk, length, end - position);
                    length += end - position;
                    position = end;
                    afterCr = false;
                } else {
                    // a CR: a line end, written as LF
                    chunk = room(chunk, length + 1);
                    chunk[length++] = '\n';
                    position++;
                    afterCr = true;
                    lines++;
                }
            }
            if (length == 0) {
                close();
                return null;
            }
            if (chunk[length - 1] != '\n') {
                // the last line of the file, without a line end
                chunk = Arrays.copyOf(chunk, length + 1);
                chunk[length++] = '\n';
            }
            return new String(chunk, 0, length, StandardCharsets.US_ASCII);
        }

        /** {@code chunk}, or a copy with room for {@code needed} bytes. */
        private static byte[] room(byte[] chunk, int needed) {
            int size = chunk.length;
            while (size < needed) {
                size *= 2;
            }
            return size == chunk.length ? chunk : Arrays.copyOf(chunk, size);
        }

        private boolean fill() {
            try {
                limit = Math.max(in.read(buffer), 0);
                position = 0;
                return limit > 0;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the valid numbers", e);
            }
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
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package org.ndoo.gateway.intake;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.ndoo.gateway.nhsnumber.InvalidReason;

/**
 * The rows of a file, parsed and validated on a thread of their own while the caller counts, de-duplicates and
 * writes them: reading a large file uses both cores. Rows come in file order, in small batches through a short
 * queue, so only a few thousand rows are ever held. A failure of the parse (a CSV error, too many rows, the file
 * unreadable) reaches the caller at the row where it happened, as the same exception; closing stops the parse and
 * waits for its thread, so nothing reads the file once the caller is done.
 */
final class ParsedRows implements AutoCloseable {

    /** What the parse emits, row by row, in file order. */
    interface Sink {
        /** A data row holding the valid number {@code number}, or, if it is {@code null}, invalid for {@code why}. */
        void row(long line, String number, InvalidReason why) throws InterruptedException;
    }

    /** The parse: reads the whole file and emits each data row. */
    interface Parse {
        void run(Sink sink) throws Exception;
    }

    private static final int BATCH = 4096;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private Batch batch = new Batch();
    private int index = -1;

    private ParsedRows(Parse parse, String threadName) {
        thread = new Thread(() -> produce(parse), threadName);
        thread.setDaemon(true);
    }

    /** Starts {@code parse} on its own thread. */
    static ParsedRows start(Parse parse, String threadName) {
        ParsedRows rows = new ParsedRows(parse, threadName);
        rows.thread.start();
        return rows;
    }

    private void produce(Parse parse) {
        Batch[] filling = {new Batch()};
        try {
            parse.run((line, number, why) -> {
                Batch b = filling[0];
                b.add(line, number, why);
                if (b.size == BATCH) {
                    queue.put(b);
                    filling[0] = new Batch();
                }
            });
            filling[0].last = true;
            queue.put(filling[0]);
        } catch (InterruptedException e) {
            // the caller closed the rows: stop
        } catch (Throwable e) {
            filling[0].last = true;
            filling[0].failure = e;
            try {
                queue.put(filling[0]);
            } catch (InterruptedException closed) {
                // the caller closed the rows: nobody is waiting for the failure
            }
        }
    }

    /**
     * Moves to the next row; {@code false} after the last.
     *
     * @throws IOException the parse's own exception (also a runtime exception or error, as thrown) at its row
     */
    boolean next() throws IOException {
        while (++index >= batch.size) {
            if (batch.last) {
                rethrow(batch.failure);
                index = batch.size;
                return false;
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the file", e);
            }
            index = -1;
        }
        return true;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    long line() {
        return batch.lines[index];
    }

    /** The valid number of the row, or {@code null} if it is invalid. */
    String number() {
        return batch.numbers[index];
    }

    /** Why the row is invalid (only when {@link #number()} is {@code null}). */
    InvalidReason why() {
        return batch.reasons[index];
    }

    /** Stops the parse if it is still running and waits for its thread. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Batch {
        final long[] lines = new long[BATCH];
        final String[] numbers = new String[BATCH];
        final InvalidReason[] reasons = new InvalidReason[BATCH];
        int size;
        boolean last;
        Throwable failure;

        void add(long line, String number, InvalidReason why) {
            lines[size] = line;
            numbers[size] = number;
            reasons[size] = why;
            size++;
        }
    }
}

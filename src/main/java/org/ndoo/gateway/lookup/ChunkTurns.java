package org.ndoo.gateway.lookup;


import org.ndoo.gateway.submission.Answers;

/**
 * The order in which the answered chunks of one submission go on to the result file, the answers and the progress
 * line: input order, while their lookups run side by side on the split's lookup threads (chunk n+1 may be looked up
 * while chunk n is written). One per split, made before it ({@link #first()}) and passed to every chunk.
 * <p>
 * A chunk waits ({@link #await}) only for the chunk before it, which the lookup threads (first in, first out) have
 * always started earlier, so chunks never wait on each other in a circle. When a chunk fails, the chunks before it
 * are handed on first and none after it ({@link #release}): a failed submission counts exactly the chunks answered in
 * order, and every later chunk fails with the same exception, so the submission fails for the true reason whichever
 * thread reports first.
 * <p>
 * It also keeps the running {@link Answers} of the chunks handed on ({@link #answered}, in their turn), so that the
 * route can keep them once the split is over ({@link #answers}), also when a chunk failed.
 */
public final class ChunkTurns {

    private int next;
    private Exception failure;
    private Answers answers = Answers.NONE;

    private ChunkTurns() {
    }

    /** A new order for one split: chunk 0 goes first. */
    public static ChunkTurns first() {
        return new ChunkTurns();
    }

    /**
     * Waits until every chunk before {@code index} has been handed on.
     *
     * @throws Exception the failure of an earlier chunk, if one failed: this chunk is not handed on
     */
    public static void await(ChunkTurns turns, int index) throws Exception {
        synchronized (turns) {
            waitForTurn(turns, index);
            if (turns.failure != null) {
                throw turns.failure;
            }
        }
    }

    /** Chunk {@code index} has been handed on: the next one may go. */
    public static void pass(ChunkTurns turns, int index) {
        synchronized (turns) {
            turns.next = Math.max(turns.next, index + 1);
            turns.notifyAll();
        }
    }

    /**
     * The chunk {@code chunk} (its numbers one per line), in its turn, was answered with {@code permitted}: returns
     * the answers of the chunks answered so far, this one included.
     */
    public static Answers answered(ChunkTurns turns, String chunk, Permitted permitted) {
        long asked = lines(chunk);
        synchronized (turns) {
            turns.answers = turns.answers.plus(asked, permitted.count());
            return turns.answers;
        }
    }

    /** The LF-terminated lines of a chunk (a loop: a chunk is 1.1 MB, a char stream over it costs milliseconds). */
    private static long lines(String chunk) {
        long lines = 0;
        for (int at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', at + 1)) {
            lines++;
        }
        return lines;
    }

    /** The answers of the chunks handed on so far: all of them once the split is over, unless one failed. */
    public static Answers answers(ChunkTurns turns) {
        synchronized (turns) {
            return turns.answers;
        }
    }

    /**
     * However chunk {@code index} ended: if it was not handed on, it failed with {@code failure}; the chunks before
     * it are then handed on before this returns, and no chunk after it is.
     */
    public static void release(ChunkTurns turns, int index, Exception failure) throws InterruptedException {
        synchronized (turns) {
            if (turns.next > index) {
                return;
            }
            waitForTurn(turns, index);
            if (turns.failure == null) {
                turns.failure = failure != null ? failure
                        : new IllegalStateException("chunk " + (index + 1) + " was not handed on");
            }
            turns.notifyAll();
        }
    }

    private static void waitForTurn(ChunkTurns turns, int index) throws InterruptedException {
        while (turns.next < index && turns.failure == null) {
            turns.wait();
        }
    }
}

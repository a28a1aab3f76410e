package org.ndoo.gateway.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.submission.Answers;
import org.ndoo.gateway.support.Await;

/**
 * Chunks answered out of order are handed on in input order, and their answers added up in that order; a failure
 * stops every later chunk, never an earlier.
 */
class ChunkTurnsTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final List<Integer> handedOn = new CopyOnWriteArrayList<>();
    private final List<Thread> running = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Future<?> chunk(ChunkTurns turns, int index, Exception failure) {
        return threads.submit(() -> {
            running.add(Thread.currentThread());
            Exception caught = failure;
            try {
                if (failure == null) {
                    ChunkTurns.await(turns, index);
                    handedOn.add(index);
                    // chunk i asks about i + 1 numbers, of which one is permitted
                    ChunkTurns.answered(turns, "9990000018\n".repeat(index + 1), Permitted.of(List.of("9990000018")));
                    ChunkTurns.pass(turns, index);
                }
            } catch (Exception e) {
                caught = e;
            }
            ChunkTurns.release(turns, index, caught);
            if (caught != null) {
                throw caught;
            }
            return null;
        });
    }

    @Test
    void laterChunksWaitForTheEarlierOnes() throws Exception {
        ChunkTurns turns = ChunkTurns.first();
        Future<?> third = chunk(turns, 2, null);
        Future<?> second = chunk(turns, 1, null);
        // both answered before the first: both wait for it, neither goes on
        Await.until("the second and third chunks waiting", Duration.ofSeconds(5), () -> running.size() == 2
                && running.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        assertTrue(handedOn.isEmpty(), handedOn.toString());
        chunk(turns, 0, null).get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        third.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2), handedOn);
        assertEquals(new Answers(3, 6, 3), ChunkTurns.answers(turns), "every chunk's answer, once");
    }

    @Test
    void aFailedChunkLetsTheEarlierOnesGoFirstAndStopsTheLaterOnesWithItsOwnFailure() throws Exception {
        ChunkTurns turns = ChunkTurns.first();
        IOException refused = new IOException("lookup refused");
        Future<?> third = chunk(turns, 2, null);
        Future<?> failed = chunk(turns, 1, refused);
        chunk(turns, 0, null).get(5, TimeUnit.SECONDS);
        Exception secondFailure = assertThrows(Exception.class, () -> failed.get(5, TimeUnit.SECONDS));
        Exception thirdFailure = assertThrows(Exception.class, () -> third.get(5, TimeUnit.SECONDS));
        assertSame(refused, secondFailure.getCause());
        assertSame(refused, thirdFailure.getCause(), "the true reason, whichever chunk reports it");
        assertEquals(List.of(0), handedOn);
        assertEquals(new Answers(1, 1, 1), ChunkTurns.answers(turns), "the answers of the chunk before the failure");
    }
}

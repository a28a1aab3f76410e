package org.ndoo.gateway.operations;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the {@link SubmissionBoard} keeps what it shows: this node's memory ({@link MemoryBoardStore}, the gateway
 * running alone), or the shared database of a cluster (state.PostgresBoardStore), so that every node shows the same.
 * Inputs are named by their origin, submissions by reference; what is stored is what the board shows (masked names,
 * counts), never an NHS number.
 */
public interface BoardStore {

    /** The submission {@code entry.reference()}, from the input at {@code origin}, is in flight (replacing any entry). */
    void putInFlight(String origin, SubmissionBoard.InFlight entry);

    /**
     * Changes the in-flight entry {@code reference} by {@code change}, or puts {@code absent} changed by it when there is
     * none.
     */
    void updateInFlight(String reference, String origin, SubmissionBoard.InFlight absent,
            UnaryOperator<SubmissionBoard.InFlight> change);

    /** The submission is no longer in flight, unless its stage is {@code keptStage} ({@code null}: in any case). */
    void removeInFlight(String reference, String keptStage);

    /** Every submission in flight, in any order. */
    List<SubmissionBoard.InFlight> inFlight();

    /** The input at {@code origin} waits for its next attempt: {@code fresh}, its attempts one more than before. */
    void waiting(String origin, SubmissionBoard.Waiting fresh);

    /** The input at {@code origin} no longer waits. */
    void removeWaiting(String origin);

    /** The inputs waiting whose input is not in flight now, in any order. */
    List<SubmissionBoard.Waiting> waitingNotInFlight();

    /**
     * A submission ended: {@code outcome}, received at {@code receivedAt} from {@code source}, with {@code valid}
     * numbers; the store keeps at least the last {@value SubmissionBoard#RECENT}.
     */
    void addOutcome(SubmissionBoard.Outcome outcome, String source, Instant receivedAt, long valid);

    /** The last {@code limit} outcomes, newest first. */
    List<SubmissionBoard.Outcome> recent(int limit);
}

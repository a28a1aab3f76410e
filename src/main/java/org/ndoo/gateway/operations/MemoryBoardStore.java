package org.ndoo.gateway.operations;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The board's store of a gateway running alone: this node's memory, empty after a restart; the last
 * {@value SubmissionBoard#RECENT} outcomes only.
 */
public final class MemoryBoardStore implements BoardStore {

    private record Entry(String origin, SubmissionBoard.InFlight shown) {
    }

    private final Map<String, Entry> inFlight = new ConcurrentHashMap<>();
    private final Map<String, SubmissionBoard.Waiting> waiting = new ConcurrentHashMap<>();
    private final Deque<SubmissionBoard.Outcome> recent = new ArrayDeque<>();

    @Override
    public void putInFlight(String origin, SubmissionBoard.InFlight entry) {
        inFlight.put(entry.reference(), new Entry(origin, entry));
    }

    @Override
    public void updateInFlight(String reference, String origin, SubmissionBoard.InFlight absent,
            UnaryOperator<SubmissionBoard.InFlight> change) {
        inFlight.compute(reference, (r, old) -> new Entry(origin, change.apply(old == null ? absent : old.shown())));
    }

    @Override
    public void removeInFlight(String reference, String keptStage) {
        inFlight.computeIfPresent(reference,
                (r, entry) -> keptStage != null && keptStage.equals(entry.shown().stage()) ? entry : null);
    }

    @Override
    public List<SubmissionBoard.InFlight> inFlight() {
        return inFlight.values().stream().map(Entry::shown).toList();
    }

    @Override
    public void waiting(String origin, SubmissionBoard.Waiting fresh) {
        waiting.merge(origin, fresh, (old, f) -> new SubmissionBoard.Waiting(f.reference(), f.submitter(),
                f.fileName(), f.source(), f.reason(), old.attempts() + 1, f.nextAttempt()));
    }

    @Override
    public void removeWaiting(String origin) {
        waiting.remove(origin);
    }

    @Override
    public List<SubmissionBoard.Waiting> waitingNotInFlight() {
        Set<String> running = new HashSet<>();
        inFlight.values().forEach(e -> running.add(e.origin()));
        List<SubmissionBoard.Waiting> list = new ArrayList<>();
        waiting.forEach((origin, w) -> {
            if (!running.contains(origin)) {
                list.add(w);
            }
        });
        return list;
    }

    @Override
    public void addOutcome(SubmissionBoard.Outcome outcome, String source, Instant receivedAt, long valid) {
        synchronized (recent) {
            recent.addFirst(outcome);
            while (recent.size() > SubmissionBoard.RECENT) {
                recent.removeLast();
            }
        }
    }

    @Override
    public List<SubmissionBoard.Outcome> recent(int limit) {
        synchronized (recent) {
            return recent.stream().limit(limit).toList();
        }
    }
}

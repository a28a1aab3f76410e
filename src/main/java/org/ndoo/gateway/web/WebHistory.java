package org.ndoo.gateway.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ndoo.gateway.operations.SubmissionBoard;
import org.ndoo.gateway.submission.Submission;

/**
 * A person's own web checks of the last {@code gateway.web.history-days}: those that ended and those handed in but
 * not started yet from a {@link Store} (the gateway running alone: the audit log, durable, without NHS numbers, read
 * filtered by submitter and age, and this gateway's own memory of what it received, {@link AuditFileHistory};
 * clustered: the shared database, so that /checks shows the same on every node); those still running from the
 * SubmissionBoard (stage and progress) or waiting for a later attempt.
 */
public final class WebHistory {

    /** One check as /checks shows it; {@code ended} false while it runs ({@code state} says how far it is). */
    public record Check(String reference, String sent, Instant receivedAt, boolean ended, String state,
            long rowsRead, long valid, long invalid, long duplicates, long checked, long permitted, long withheld,
            String reason) {
    }

    /** Where the checks handed in and the checks ended are kept; {@code owner} is an address in lower case. */
    public interface Store {
        /** {@code check} was handed in by {@code owner}; those received before {@code since} may be forgotten. */
        void received(Check check, String owner, Instant since);

        /** The checks {@code owner} handed in (started or not). */
        List<Check> received(String owner);

        /** {@code owner}'s checks that ended, received since {@code since}. */
        List<Check> ended(String owner, Instant since);
    }

    private final Store store;
    private final SubmissionBoard board;
    private final Duration keep;
    private final Clock clock;

    public WebHistory(Path auditFile, SubmissionBoard board, Duration keep, Clock clock) {
        this(new AuditFileHistory(auditFile), board, keep, clock);
    }

    public WebHistory(Store store, SubmissionBoard board, Duration keep, Clock clock) {
        this.store = store;
        this.board = board;
        this.keep = keep;
        this.clock = clock;
    }

    /** A web submission was handed in: it shows as received until it starts. */
    public void received(Submission submission) {
        store.received(new Check(submission.getReference(), sent(submission.getFileName()),
                submission.getReceivedAt(), false, "received, about to start", 0, 0, 0, 0, 0, 0, 0, ""),
                submission.getSubmitterFolder().toLowerCase(Locale.ROOT), clock.instant().minus(keep));
    }

    /** {@code address}'s checks, newest first. */
    public List<Check> of(String address) {
        String who = address.toLowerCase(Locale.ROOT);
        Map<String, Check> checks = new LinkedHashMap<>();
        store.received(who).forEach(check -> checks.put(check.reference(), check));
        for (SubmissionBoard.Waiting w : board.waiting()) {
            if ("web".equals(w.source()) && who.equalsIgnoreCase(w.submitter()) && checks.containsKey(w.reference())) {
                checks.put(w.reference(), running(checks.get(w.reference()), "waiting to be tried again: " + w.reason()));
            }
        }
        for (SubmissionBoard.InFlight f : board.inFlight()) {
            if ("web".equals(f.source()) && who.equalsIgnoreCase(f.submitter())) {
                String progress = f.chunksTotal() > 0 ? ", " + f.chunksDone() + " of " + f.chunksTotal() + " parts" : "";
                checks.put(f.reference(), new Check(f.reference(), sent(f.fileName()), f.receivedAt(), false,
                        f.stage() + progress, f.rowsRead(), 0, 0, 0, f.checked(), 0, 0, ""));
            }
        }
        store.ended(who, clock.instant().minus(keep)).forEach(c -> checks.put(c.reference(), c));
        List<Check> list = new ArrayList<>(checks.values());
        list.sort(Comparator.comparing(Check::receivedAt).reversed());
        return list;
    }

    /** {@code address}'s check {@code reference}; null if there is none of theirs (unknown, or another person's). */
    public Check one(String address, String reference) {
        return of(address).stream().filter(c -> c.reference().equals(reference)).findFirst().orElse(null);
    }

    /** Whether any of the checks is still running (the page then refreshes itself). */
    public static boolean anyRunning(List<Check> checks) {
        return checks.stream().anyMatch(c -> !c.ended());
    }

    private static Check running(Check check, String state) {
        return new Check(check.reference(), check.sent(), check.receivedAt(), false, state, 0, 0, 0, 0, 0, 0, 0, "");
    }

    /** What was sent, in words: the file's name, or "typed numbers". */
    public static String sent(String fileName) {
        return WebIntake.TYPED_NAME.equals(fileName) ? "typed numbers" : fileName;
    }
}

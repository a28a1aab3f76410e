package org.ndoo.gateway.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.ndoo.gateway.intake.SubmissionIntake;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.retry.Failures;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.UntrustedSubmission;
import org.ndoo.gateway.submission.WorkArea;

/**
 * After a restart: the web submissions an earlier run left in their work folders, with their marker
 * ({@link WebMarker}; kept by {@link WorkArea#removeOrphans}), as resume-web-submissions takes them up. Each is
 * handed again to its next attempt with its own reference, submitter and file name, its attempts so far restored in
 * the retry schedule (its maximum age still counts from its first attempt); or it ends at once: in the give-up notice
 * when it is older than the maximum age, or, when its folder cannot be trusted (marker unreadable, input missing),
 * in a notice to the operator with the reason (the folder is then deleted by close-submission, never silently).
 */
public final class WebResumption {

    /**
     * One web submission found after a restart: taken up again ({@code ending} null), or ended at once by
     * {@code ending}; {@code attempts} it had before the restart.
     */
    public record Found(Submission submission, int attempts, Failure ending, boolean handedOver) {
    }

    private final WorkArea workArea;
    private final SubmissionIntake intake;
    private final RetrySchedule schedule;
    private final Failures failures;
    private final Clock clock;
    private final boolean clustered;
    /** The folders taken up by this gateway (or node, in this run), by name: each is taken once. */
    private final java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** For a single gateway: what the last run left, once. */
    public WebResumption(WorkArea workArea, SubmissionIntake intake, RetrySchedule schedule, Failures failures,
            Clock clock) {
        this(workArea, intake, schedule, failures, clock, false);
    }

    /**
     * {@code clustered}: for a node of a cluster, which takes up, while it leads, every marked folder in the shared
     * work directory: the web checks any node received (handed over) and those a dead leader left.
     */
    public WebResumption(WorkArea workArea, SubmissionIntake intake, RetrySchedule schedule, Failures failures,
            Clock clock, boolean clustered) {
        this.clustered = clustered;
        this.workArea = workArea;
        this.intake = intake;
        this.schedule = schedule;
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * The web submissions to take up now, each once: those kept at start-up (single), or (clustered) every folder
     * with a marker in the shared work directory not taken by this node yet.
     */
    public List<Found> found() {
        List<Path> folders = clustered ? workArea.webFoldersNow() : workArea.webFoldersKept();
        java.util.Set<String> names = new java.util.HashSet<>();
        List<Found> found = new ArrayList<>();
        for (Path dir : folders) {
            String name = dir.getFileName().toString();
            names.add(name);
            if (taken.add(name)) {
                found.add(of(dir));
            }
        }
        // a folder gone has ended: forget it
        taken.retainAll(names);
        return found;
    }

    private Found of(Path dir) {
        WebMarker marker;
        try {
            marker = WebMarker.read(dir);
        } catch (WebMarker.Unreadable e) {
            return untrusted(dir, e.getMessage());
        }
        String reference = marker.reference();
        Submission submission = Submission.restored(reference, "web", Submission.webOrigin(reference),
                dir.resolve(marker.input()), marker.fileName(), marker.submitter(), marker.bytes(), null,
                marker.receivedAt(), dir);
        try {
            submission = intake.checkSubmitter(submission);
        } catch (UntrustedSubmission e) {
            return untrusted(dir, "its submitter is not accepted: " + e.getMessage());
        }
        schedule.resume(submission, marker.firstAttempt() == null ? marker.receivedAt() : marker.firstAttempt(),
                marker.attempts());
        Failure ending = schedule.hasExpired(submission) ? failures.gaveUpAfterRestart(marker.waitingFor()) : null;
        boolean neverTried = marker.attempts() == 0 && marker.firstAttempt() == null;
        return new Found(submission, marker.attempts(), ending, clustered && neverTried);
    }

    /** A folder that cannot be taken up again: told to the operator, with {@code problem}, then deleted. */
    private Found untrusted(Path dir, String problem) {
        String reference = dir.getFileName().toString();
        Submission submission = Submission.restored(reference, "web", Submission.webOrigin(reference),
                WorkArea.webMarker(dir), "(not known: the marker cannot be trusted)", "not known", 0, null,
                clock.instant(), dir);
        String reason = "A web submission was found in the gateway's work directory after a restart, but it cannot be"
                + " taken up again: " + problem + ". Its submitter cannot be told from what is left, so nothing was"
                + " checked and its folder was deleted. Ask the person who sent it, if they can be found, to send it"
                + " again.";
        return new Found(submission, 0, new Failure("refused", reason, "not taken up after a restart: " + problem,
                Failure.Told.OPERATOR, false, false, null), false);
    }
}

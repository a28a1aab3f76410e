package org.ndoo.gateway.retry;

import java.time.Instant;

/**
 * What a failure means, decided once by {@link Failures}: the outcome, the reason in plain words (for the notice),
 * a short detail (for the audit record, the log and the status page), who is told, and whether it is retried in
 * place (the same call again, with back-off) and later (the whole submission, until {@code gateway.retry.max-age}).
 * Never holds an NHS number.
 *
 * @param outcome      delivered is never a failure: {@code failed}, {@code refused}, {@code undeliverable},
 *                     {@code gave-up}, or {@code postponed} (the input stays for a later attempt)
 * @param reason       for the people told: what went wrong and what to do
 * @param detail       one short phrase, for operators
 * @param told         who gets a notice
 * @param inPlace      whether the failed call is retried where it happened
 * @param later        whether the whole submission is tried again later
 * @param nextAttempt  when a postponed submission is tried again; {@code null} otherwise
 */
public record Failure(String outcome, String reason, String detail, Told told, boolean inPlace, boolean later,
                      Instant nextAttempt) {

    /** Who gets a notice. */
    public enum Told {
        SUBMITTER, OPERATOR, BOTH, NOBODY
    }

    public static final String POSTPONED = "postponed";

    /**
     * The outcome of a submission this node stopped because it is not (or no longer surely) the cluster's leader:
     * nobody is told and nothing is deleted; its input stays for the leader to do it again.
     */
    public static final String LEFT_FOR_THE_LEADER = "left-for-the-leader";

    /** Whether the input stays to be tried again: later on this node, or by the leader. */
    public boolean isPostponed() {
        return POSTPONED.equals(outcome) || isLeftForTheLeader();
    }

    public boolean isLeftForTheLeader() {
        return LEFT_FOR_THE_LEADER.equals(outcome);
    }

    public boolean tellsSubmitter() {
        return told == Told.SUBMITTER || told == Told.BOTH;
    }

    public boolean tellsOperator() {
        return told == Told.OPERATOR || told == Told.BOTH;
    }

    /** The same failure with another outcome, reason, audience and retry, as when a retryable one runs out of time. */
    Failure settled(String newOutcome, String newReason, Told newTold, Instant next) {
        return new Failure(newOutcome, newReason, detail, newTold, inPlace, later, next);
    }

    /** The log line's words after the reference: outcome, detail and who was told (or when it is tried again). */
    public String summary() {
        String what = (isPostponed() ? "not completed" : outcome) + " (" + detail + ")";
        if (isLeftForTheLeader()) {
            return what + "; nothing deleted or sent: the leader does it again";
        }
        if (isPostponed()) {
            // a MESH submission waiting for replies has no schedule: the next poll tries it again
            return what + (nextAttempt == null ? "; tried again at the next poll"
                    : "; the input stays and is tried again from " + RetrySchedule.TIME.format(nextAttempt));
        }
        return what + switch (told) {
            case SUBMITTER -> "; notifying the submitter";
            case OPERATOR -> "; notifying the operator";
            case BOTH -> "; notifying the submitter and the operator";
            case NOBODY -> "";
        };
    }
}

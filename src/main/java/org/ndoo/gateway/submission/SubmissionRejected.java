package org.ndoo.gateway.submission;

/**
 * The submission cannot be completed and retrying will not help. The message is written for the submitter: what went
 * wrong and what to do. It never holds an NHS number.
 */
public class SubmissionRejected extends RuntimeException {

    public SubmissionRejected(String message) {
        super(message);
    }

    public SubmissionRejected(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.ndoo.gateway.submission;

/**
 * The submission cannot be tied to an allowed submitter address, so nothing is sent to it: the operator is told
 * instead. The message is written for the operator and holds no patient data.
 */
public class UntrustedSubmission extends SubmissionRejected {

    public UntrustedSubmission(String message) {
        super(message);
    }
}

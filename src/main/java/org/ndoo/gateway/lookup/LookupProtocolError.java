package org.ndoo.gateway.lookup;

import org.ndoo.gateway.submission.SubmissionRejected;

/** The lookup answered, but not as the contract says: the answer cannot be trusted, so nothing is sent. */
public class LookupProtocolError extends SubmissionRejected {

    public LookupProtocolError(String problem) {
        super("The opt-out lookup service gave an answer the gateway cannot trust (" + problem + "), so no result"
                + " was produced. Please tell the gateway operator; dropping the file again later is safe.");
    }
}

package org.ndoo.gateway.audit;

import org.ndoo.gateway.privacy.NhsNumberMask;

/**
 * Masks anything in a name or message that could be an NHS number before it is audited or shown, by the gateway's one
 * masking rule ({@link NhsNumberMask}, which the log layout applies to every log line too).
 */
public final class Redact {

    private Redact() {
    }

    /** How a drop directly in the inbox (no submitter folder) is named in notices, audit records and pages. */
    public static final String INBOX_ROOT = "the inbox root (not in a submitter folder)";

    public static String digits(String value) {
        return NhsNumberMask.mask(value);
    }

    /** An untrusted drop folder as audited and shown: its masked name, or {@link #INBOX_ROOT} when there is none. */
    public static String untrustedFolder(String folder) {
        return folder == null || folder.isEmpty() ? INBOX_ROOT : "untrusted folder: " + digits(folder);
    }
}

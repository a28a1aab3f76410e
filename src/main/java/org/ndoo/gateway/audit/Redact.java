package org.ndoo.gateway.audit;

import org.ndoo.gateway.privacy.NhsNumberMask;

/**
 * Masks anything in a name or message that could be an NHS number before it is audited or shown, by the gateway's one
 * masking rule ({@link NhsNumberMask}, which the log layout applies to every log line too).
 */
public final class Redact {

    private Redact() {
    }

    public static String digits(String value) {
        return NhsNumberMask.mask(value);
    }
}

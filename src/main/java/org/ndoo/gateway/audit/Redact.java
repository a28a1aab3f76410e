package org.ndoo.gateway.audit;

/**
 * Masks anything in a name or message that could be an NHS number (a run of nine or more digits, possibly split by
 * spaces, dots, dashes or underscores) before it is logged or audited. File and folder names come from users, and a
 * user may name a file after a patient.
 */
public final class Redact {

    private Redact() {
    }

    public static String digits(String value) {
        return value == null ? null : value.replaceAll("[0-9][0-9 ._-]{7,}[0-9]", "#########");
    }
}

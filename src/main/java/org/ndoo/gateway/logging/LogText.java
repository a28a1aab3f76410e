package org.ndoo.gateway.logging;

import org.ndoo.gateway.privacy.NhsNumberMask;

/**
 * What the log layout does to every piece of text that comes from a log call (the message, an exception's message):
 * NHS-number-like digit runs masked, and control characters written as visible escapes, so that a file or folder
 * name holding CR, LF or an escape sequence can neither break a line nor forge one, nor colour the terminal.
 */
public final class LogText {

    private LogText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        return NhsNumberMask.mask(escapeControls(text));
    }

    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = Character.getType(ch) == Character.CONTROL || ch == '\u2028' || ch == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!control) {
                out.append(ch);
            } else {
                switch (ch) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) ch));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}

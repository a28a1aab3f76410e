package org.ndoo.gateway.mesh;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.Jsoner;

/**
 * What a message from the national opt-out service is. The service sends two replies to a request, both with its
 * local id: first a receipt (a small JSON object, {@code "status": "pending"}), which is NOT the result; then the
 * result (the request's numbers without the opted-out ones), or the single line saying the file held an invalid NHS
 * number. MESH itself may send a {@code REPORT} instead (the request was not delivered).
 */
public enum OptOutReply {
    RECEIPT, RESULT, INVALID_NUMBERS, REPORT;

    /** The line the service answers with when any number in the request is invalid. */
    public static final String INVALID_NUMBERS_LINE = "The file contains one or more invalid NHS Numbers.";

    /** The kind of {@code message}. */
    public static OptOutReply of(IncomingMessage message) {
        if (message.isReport()) {
            return REPORT;
        }
        String text = new String(message.body(), StandardCharsets.UTF_8).strip();
        if (text.startsWith("{") && isStatusObject(text)) {
            return RECEIPT;
        }
        if (text.regionMatches(true, 0, INVALID_NUMBERS_LINE, 0, INVALID_NUMBERS_LINE.length() - 1)) {
            return INVALID_NUMBERS;
        }
        return RESULT;
    }

    private static boolean isStatusObject(String text) {
        try {
            return Jsoner.deserialize(text) instanceof Map<?, ?> map && map.get("status") instanceof String;
        } catch (DeserializationException | RuntimeException e) {
            return false;
        }
    }
}

package org.ndoo.gateway.mesh;

import java.util.Arrays;
import java.util.Objects;

/**
 * A downloaded message: its id, the MESH headers that say what it is, and the whole body (all chunks joined). A
 * {@code REPORT} is MESH's own error report about a message this mailbox sent ({@link #linkedMessageId()} names
 * it; the body is empty). {@link #toString()} shows the size of the body, never its content.
 */
public record IncomingMessage(String messageId, String messageType, String localId, String subject, String workflowId,
        String from, String statusCode, String linkedMessageId, String fileName, byte[] body) {

    public IncomingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
    }

    /** Whether this is an error report rather than data. */
    public boolean isReport() {
        return "REPORT".equalsIgnoreCase(messageType);
    }

    @Override
    public String toString() {
        return "IncomingMessage[messageId=" + messageId + ", messageType=" + messageType + ", localId=" + localId
                + ", subject=" + subject + ", workflowId=" + workflowId + ", from=" + from + ", statusCode="
                + statusCode + ", linkedMessageId=" + linkedMessageId + ", fileName=" + fileName + ", body="
                + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingMessage o && messageId.equals(o.messageId)
                && Objects.equals(messageType, o.messageType) && Objects.equals(localId, o.localId)
                && Objects.equals(subject, o.subject) && Objects.equals(workflowId, o.workflowId)
                && Objects.equals(from, o.from) && Objects.equals(statusCode, o.statusCode)
                && Objects.equals(linkedMessageId, o.linkedMessageId) && Objects.equals(fileName, o.fileName)
                && Arrays.equals(body, o.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, messageType, localId, subject, workflowId, from, statusCode, linkedMessageId,
                fileName, Arrays.hashCode(body));
    }
}

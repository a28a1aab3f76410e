package org.ndoo.gateway.mesh;

import java.util.Objects;

/**
 * A message to send: the recipient mailbox, workflow id, file name, local id (comes back on replies; must hold no
 * patient data), optional subject, and the body. {@link #toString()} shows the size of the body, never its content.
 */
public record OutgoingMessage(String to, String workflowId, String fileName, String localId, String subject, byte[] body) {

    public OutgoingMessage {
        requireHeaderValue("to", to, true);
        requireHeaderValue("workflowId", workflowId, true);
        requireHeaderValue("fileName", fileName, true);
        requireHeaderValue("localId", localId, false);
        requireHeaderValue("subject", subject, false);
        Objects.requireNonNull(body, "body");
    }

    private static void requireHeaderValue(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("The MESH message has no " + name);
            }
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("The MESH message's " + name + " has a character a header cannot carry");
            }
        }
    }

    @Override
    public String toString() {
        return "OutgoingMessage[to=" + to + ", workflowId=" + workflowId + ", fileName=" + fileName + ", localId="
                + localId + ", subject=" + subject + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutgoingMessage o && to.equals(o.to) && workflowId.equals(o.workflowId)
                && fileName.equals(o.fileName) && Objects.equals(localId, o.localId)
                && Objects.equals(subject, o.subject) && java.util.Arrays.equals(body, o.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, workflowId, fileName, localId, subject, java.util.Arrays.hashCode(body));
    }
}

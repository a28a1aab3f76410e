package org.ndoo.gateway.support;

import java.util.Arrays;

/**
 * A message as {@link MeshTestServer} holds it: the MESH headers, how it was uploaded (chunks, gzip) and its whole
 * body, uncompressed. {@link #toString()} never shows the body.
 */
public final class MeshTestMessage {

    final String id;
    final String from;
    final String to;
    final String workflowId;
    final String fileName;
    final String localId;
    final String subject;
    final String messageType;
    final String statusCode;
    final String linkedMessageId;
    final boolean compressed;
    final byte[][] chunks;
    final long sequence;

    MeshTestMessage(String id, String from, String to, String workflowId, String fileName, String localId, String subject,
            String messageType, String statusCode, String linkedMessageId, boolean compressed, int totalChunks, long sequence) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.workflowId = workflowId;
        this.fileName = fileName;
        this.localId = localId;
        this.subject = subject;
        this.messageType = messageType;
        this.statusCode = statusCode;
        this.linkedMessageId = linkedMessageId;
        this.compressed = compressed;
        this.chunks = new byte[totalChunks][];
        this.sequence = sequence;
    }

    public String id() {
        return id;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String workflowId() {
        return workflowId;
    }

    public String fileName() {
        return fileName;
    }

    public String localId() {
        return localId;
    }

    public String subject() {
        return subject;
    }

    public String messageType() {
        return messageType;
    }

    /** Whether the sender gzipped it (every chunk). */
    public boolean compressed() {
        return compressed;
    }

    /** How many chunks the sender uploaded it in. */
    public int uploadedChunks() {
        return chunks.length;
    }

    boolean complete() {
        return Arrays.stream(chunks).allMatch(c -> c != null);
    }

    /** The whole body, every chunk joined, uncompressed. */
    public byte[] body() {
        int size = Arrays.stream(chunks).mapToInt(c -> c.length).sum();
        byte[] body = new byte[size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        return body;
    }

    @Override
    public String toString() {
        return "MeshTestMessage[" + id + ", " + from + " -> " + to + ", " + workflowId + ", " + messageType + "]";
    }
}

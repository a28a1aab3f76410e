package org.ndoo.gateway.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.lookup.LookupProtocolError;
import org.ndoo.gateway.lookup.PermittedAnswer;
import org.ndoo.gateway.submission.WorkArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national service's replies from the MESH inbox, and how each one changes the submission waiting for it (the
 * aggregation strategy of mesh-wait). A reply is matched by its local id {@code <reference>-<chunk>} (a MESH report
 * also names the message it is about). The receipt is progress, not a result. A result is checked against the chunk
 * asked about ({@link PermittedAnswer}) and its permitted numbers kept in the wait until delivery.
 */
public final class MeshReplies implements AggregationStrategy {

    /** The header mesh-wait correlates by: the submission reference. */
    public static final String REFERENCE = "meshReference";
    /** The header mesh-wait's completion timeout is read from: milliseconds left until the wait's deadline. */
    public static final String REMAINING = "meshRemainingMillis";

    private static final Logger LOG = LoggerFactory.getLogger(MeshReplies.class);

    private final MeshMailbox mailbox;
    @PropertyInject("gateway.lookup.mesh.workflow-id")
    private String workflowId;
    private final PermittedAnswer answers = new PermittedAnswer();

    public MeshReplies(MeshMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** The ids of the messages waiting in the MESH inbox (handshaking first when due). */
    public List<String> list() {
        mailbox.handshakeIfDue();
        return mailbox.client().listInbox(workflowId.strip());
    }

    public IncomingMessage download(String messageId) {
        return mailbox.client().download(messageId);
    }

    /** Tells MESH the message is safe with the gateway: it leaves the inbox. */
    public void acknowledge(String messageId) {
        mailbox.client().acknowledge(messageId);
    }

    /** The reference of the submission {@code message} answers (from its local id); null if it names none. */
    public String reference(IncomingMessage message) {
        String localId = message.localId();
        int dash = localId == null ? -1 : localId.lastIndexOf('-');
        if (dash <= 0 || !localId.substring(0, dash).matches("[A-Za-z0-9-]+")) {
            return null;
        }
        return localId.substring(0, dash);
    }

    /** Logs a message that matches no waiting submission (it is acknowledged and ignored). */
    public void ignore(IncomingMessage message) {
        LOG.warn("MESH message {} (local id {}) matches no waiting submission; acknowledged and ignored",
                message.messageId(), Redact.digits(message.localId()));
    }

    /** Opens a wait (no {@code waiting} yet: {@code reply} is the wait), or applies a reply to the wait. */
    @Override
    public Exchange aggregate(Exchange waiting, Exchange reply) {
        if (waiting == null) {
            reply.getIn().setHeader(REMAINING, reply.getIn().getBody(MeshWait.class).remainingMillis());
            return reply;
        }
        MeshWait wait = apply(waiting.getIn().getBody(MeshWait.class), reply.getIn().getBody(IncomingMessage.class));
        waiting.getIn().setBody(wait);
        // the completion timeout is the time left to the deadline (Camel reads it from the reply), kept with the wait
        // so that a restart restores it
        reply.getIn().setHeader(REMAINING, wait.remainingMillis());
        waiting.setProperty(ExchangePropertyKey.AGGREGATED_TIMEOUT, wait.remainingMillis());
        return waiting;
    }

    MeshWait apply(MeshWait wait, IncomingMessage message) {
        int chunk = message.isReport() && wait.chunkOfMessage(message.linkedMessageId()) > 0
                ? wait.chunkOfMessage(message.linkedMessageId()) : wait.chunkOf(message.localId());
        if (chunk == 0) {
            ignore(message);
            return wait;
        }
        OptOutReply kind = OptOutReply.of(message);
        MeshWait after = switch (kind) {
            case RECEIPT -> wait;
            case INVALID_NUMBERS -> wait.withFailure("The national opt-out service rejected the request: it says the"
                    + " file contains one or more invalid NHS numbers. The gateway checks every number, so please tell"
                    + " the gateway operator and quote the submission reference.");
            case REPORT -> wait.withFailure("MESH could not deliver the request to the national opt-out service"
                    + " (report status " + message.statusCode() + "). Drop the file again later; if it happens again,"
                    + " tell the gateway operator.");
            case RESULT -> answered(wait, chunk, message);
        };
        LOG.info("{}: MESH {} for chunk {} of {}", wait.reference(), kind, chunk, wait.chunks());
        return after;
    }

    private MeshWait answered(MeshWait wait, int chunk, IncomingMessage message) {
        try {
            return wait.withAnswer(chunk, answers.reconcile(askedIn(wait, chunk),
                    new String(message.body(), StandardCharsets.US_ASCII)).numbers());
        } catch (LookupProtocolError e) {
            return wait.withFailure(e.getMessage());
        }
    }

    /** The numbers asked about in {@code chunk}, one per line, re-read from the work folder. */
    private static String askedIn(MeshWait wait, int chunk) {
        Path valid = Path.of(wait.workDir()).resolve(WorkArea.VALID_NUMBERS);
        try (Stream<String> lines = Files.lines(valid, StandardCharsets.US_ASCII)) {
            return lines.skip((long) (chunk - 1) * wait.chunkSize()).limit(wait.chunkSize())
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the numbers asked in " + wait.reference(), e);
        }
    }
}

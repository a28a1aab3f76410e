package org.ndoo.gateway.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.delivery.ResultFile;
import org.ndoo.gateway.lookup.LookupProtocolError;
import org.ndoo.gateway.lookup.PermittedAnswer;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.WorkArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the national service's replies from the MESH inbox and tells which waiting submissions are finished.
 * Each message is downloaded, stored against its chunk (matched by local id, or for a MESH report by message id),
 * and acknowledged only after that. The receipt is progress, not a result. A result is checked against the chunk
 * asked about ({@link PermittedAnswer}) and its permitted numbers kept in the work folder until delivery.
 */
public final class MeshReplies {

    /** A submission whose wait is over: finished when {@code failure} is null, else failed for that reason. */
    public record Finished(Submission submission, String failure) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MeshReplies.class);

    private final MeshMailbox mailbox;
    private final String workflowId;
    private final WorkArea workArea;
    private final Path workRoot;
    private final PermittedAnswer answers = new PermittedAnswer();

    public MeshReplies(MeshMailbox mailbox, String workflowId, WorkArea workArea) {
        this.mailbox = mailbox;
        this.workflowId = workflowId.strip();
        this.workArea = workArea;
        this.workRoot = workArea.root();
    }

    /**
     * At start-up: removes the work folders of submissions whose sending was interrupted (the gateway stopped
     * mid-send). Their input was not deleted, so it is picked up again as a new submission; replies to what did go
     * out match no waiting submission and are acknowledged and ignored.
     */
    public synchronized void discardInterruptedSends() {
        for (MeshState state : states()) {
            if (!state.isAllSent()) {
                LOG.warn("{}: sending to MESH was interrupted; its input will be sent again as a new submission",
                        state.reference());
                workArea.cleanUp(state.submission());
            }
        }
    }

    /** Downloads, stores and acknowledges every waiting reply; returns how many there were. */
    public synchronized int collect() {
        mailbox.handshakeIfDue();
        MeshClient client = mailbox.client();
        List<String> ids = client.listInbox(workflowId);
        for (String id : ids) {
            store(client.download(id));
            client.acknowledge(id);
        }
        return ids.size();
    }

    /** The submissions whose replies are all in, or whose wait failed or ran out. */
    public synchronized List<Finished> finished() {
        List<Finished> done = new ArrayList<>();
        for (MeshState state : waiting()) {
            String failure = state.failure();
            if (failure == null && !state.allAnswered() && Instant.now().isAfter(state.deadline())) {
                failure = "The national opt-out service did not reply within the time the gateway waits. The request"
                        + " may have been lost: drop the file again, and tell the gateway operator if it happens again.";
            }
            if (failure != null || state.allAnswered()) {
                done.add(new Finished(state.submission(), failure));
            }
        }
        return done;
    }

    /** Builds the response file from the chunks' answers, in chunk order (so in input order). */
    public void assemble(Submission submission, ResultFile resultFile) {
        MeshState state = MeshState.load(submission.getWorkDir());
        resultFile.discard(submission);
        for (int chunk = 1; chunk <= state.chunks(); chunk++) {
            try (Stream<String> lines = Files.lines(state.answerFile(chunk), StandardCharsets.US_ASCII)) {
                resultFile.append(submission, lines.filter(l -> !l.isEmpty()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read an answer of " + submission.getReference(), e);
            }
        }
        submission.getCounts().countAllAnswered();
    }

    private void store(IncomingMessage message) {
        MeshState state = stateFor(message);
        if (state == null) {
            LOG.warn("MESH message {} (local id {}) matches no waiting submission; acknowledged and ignored",
                    message.messageId(), Redact.digits(message.localId()));
            return;
        }
        int chunk = message.isReport() && message.linkedMessageId() != null
                ? state.chunkOfMessage(message.linkedMessageId()) : state.chunkOf(message.localId());
        switch (OptOutReply.of(message)) {
            case RECEIPT -> state.receipt(chunk);
            case INVALID_NUMBERS -> state.failed("The national opt-out service rejected the request: it says the file"
                    + " contains one or more invalid NHS numbers. The gateway checks every number, so please tell the"
                    + " gateway operator and quote the submission reference.");
            case REPORT -> state.failed("MESH could not deliver the request to the national opt-out service (report"
                    + " status " + message.statusCode() + "). Drop the file again later; if it happens again, tell the"
                    + " gateway operator.");
            case RESULT -> {
                try {
                    List<String> permitted = answers.reconcile(askedIn(state, chunk),
                            new String(message.body(), StandardCharsets.US_ASCII));
                    Files.write(WorkArea.privateFile(state.answerFile(chunk)), permitted, StandardCharsets.US_ASCII);
                    state.answered(chunk);
                } catch (LookupProtocolError e) {
                    state.failed(e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot store an answer of " + state.reference(), e);
                }
            }
        }
        state.save();
        LOG.info("{}: MESH {} for chunk {} of {}", state.reference(), OptOutReply.of(message), chunk, state.chunks());
    }

    /** The numbers asked about in {@code chunk}, one per line, re-read from the work folder. */
    private static String askedIn(MeshState state, int chunk) throws IOException {
        Path valid = WorkArea.validNumbers(state.submission());
        try (Stream<String> lines = Files.lines(valid, StandardCharsets.US_ASCII)) {
            return lines.skip((long) (chunk - 1) * state.chunkSize()).limit(state.chunkSize())
                    .collect(Collectors.joining("\n"));
        }
    }

    private MeshState stateFor(IncomingMessage message) {
        if (message.isReport() && message.linkedMessageId() != null) {
            return waiting().stream().filter(s -> s.chunkOfMessage(message.linkedMessageId()) > 0).findFirst()
                    .orElse(null);
        }
        String localId = message.localId();
        int dash = localId == null ? -1 : localId.lastIndexOf('-');
        if (dash <= 0 || !localId.substring(0, dash).matches("[A-Za-z0-9-]+")) {
            return null;
        }
        MeshState state = MeshState.load(workRoot.resolve(localId.substring(0, dash)));
        return state != null && state.isAllSent() && state.chunkOf(localId) > 0 ? state : null;
    }

    /** The submissions that have sent every chunk and wait for replies. */
    private List<MeshState> waiting() {
        return states().stream().filter(MeshState::isAllSent).toList();
    }

    private List<MeshState> states() {
        if (!Files.isDirectory(workRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(workRoot)) {
            return dirs.filter(Files::isDirectory).map(MeshState::load).filter(s -> s != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + workRoot, e);
        }
    }
}

package org.ndoo.gateway.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.cluster.Leadership;
import org.ndoo.gateway.submission.FileIdentity;
import org.ndoo.gateway.submission.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a shared-folder input once its submission has ended in a result or a notice, but only the file that was
 * read: if its path now holds another file (replaced, renamed over, or changed since it was opened), that file is
 * left for the next scan, where it is a new submission. With {@code gateway.inbox.done-file-name} set, the input's
 * done file goes with it.
 */
public final class InputDeletion {

    private static final Logger LOG = LoggerFactory.getLogger(InputDeletion.class);

    private final DoneFiles doneFiles;
    private final Leadership leadership;

    /** For a single gateway. */
    public InputDeletion(DoneFiles doneFiles) {
        this(doneFiles, Leadership.single());
    }

    /** For a node of a cluster: an input is deleted only while {@code leadership} confirms this node leads. */
    public InputDeletion(DoneFiles doneFiles, Leadership leadership) {
        this.doneFiles = doneFiles;
        this.leadership = leadership;
    }

    /** Deletes the submission's input if its path still holds the file that was read; returns whether it did. */
    public boolean deleteIfUnchanged(Submission submission) {
        Path input = submission.getInput();
        FileIdentity read = submission.getInputIdentity();
        if (!leadership.confirmed()) {
            LOG.warn("{}: not deleting the input: this node is not surely the leader any more; the leader reads it"
                    + " again", submission.getReference());
            return false;
        }
        if (read == null || !read.isAt(input)) {
            LOG.warn("{}: the file at the input's path is not the one that was read (replaced or changed meanwhile);"
                    + " it is left in place and read at the next scan as a new submission", submission.getReference());
            return false;
        }
        // moved aside in one step and checked again, so that a file renamed over the path even now is never deleted
        Path aside = input.resolveSibling(".ndoo-" + submission.getReference() + ".deleting");
        try {
            Files.move(input, aside, StandardCopyOption.ATOMIC_MOVE);
            if (!read.isAt(aside)) {
                putBack(submission, aside, input);
                return false;
            }
            Files.delete(aside);
            if (doneFiles.isOn()) {
                Files.deleteIfExists(input.resolveSibling(doneFiles.doneFileFor(input.getFileName().toString())));
            }
            return true;
        } catch (IOException e) {
            LOG.error("{}: cannot delete the input {} ({}): check that the gateway may write to its folder",
                    submission.getReference(), Redact.digits(input.toString()), e.getClass().getSimpleName());
            return false;
        }
    }

    private static void putBack(Submission submission, Path aside, Path input) throws IOException {
        try {
            Files.move(aside, input); // not atomic: never over a file that took the path in the meantime
            LOG.warn("{}: the input was replaced just before its deletion; the new file is left for the next scan",
                    submission.getReference());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            LOG.error("{}: two files replaced the input while it was deleted; the earlier one is kept as {}, unread",
                    submission.getReference(), Redact.digits(aside.toString()));
        }
    }
}

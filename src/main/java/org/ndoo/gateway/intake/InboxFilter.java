package org.ndoo.gateway.intake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.remote.RemoteFile;
import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.submission.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which entries of a drop folder (local or SFTP) the file consumer may pick up: never a local symbolic link (file or
 * folder), so nothing outside the inbox is read or deleted; never a named pipe, socket or device (opening a pipe
 * waits for a writer for ever), nor a file or folder the gateway has no permission to read: those are left in place
 * and told to the operator once ({@link SkippedEntries}); with done files on ({@link DoneFiles}), a shared-folder
 * file only once its done file is there, and never a done file itself; and an input waiting for a retry only once
 * its back-off has passed. Only the entry's type and permissions are looked at here: nothing is opened.
 */
public final class InboxFilter implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFilter.class);
    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;

    private final RetrySchedule retries;
    private final SkippedEntries skipped;
    private final DoneFiles doneFiles;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();

    public InboxFilter(RetrySchedule retries, SkippedEntries skipped, DoneFiles doneFiles) {
        this.retries = retries;
        this.skipped = skipped;
        this.doneFiles = doneFiles;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.getFile() instanceof File local) {
            Path path = local.toPath().toAbsolutePath();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                return false;
            }
            if (attributes.isSymbolicLink()) {
                if (warned.add(path)) {
                    LOG.warn("Ignoring symbolic link {} in the inbox: links are never followed",
                            Redact.digits(file.getRelativeFilePath()));
                }
                return false;
            }
            String problem = attributes.isOther() ? notAFile(path)
                    : attributes.isDirectory() ? unlistable(path) : unreadable(path);
            if (problem != null) {
                skipped.skip(path, problem);
                return false;
            }
            skipped.readable(path);
            return attributes.isDirectory() || isComplete(path) && retries.isDue(Submission.localOrigin(path));
        }
        String host = file instanceof RemoteFile<?> remote ? remote.getHostname() : "";
        return file.isDirectory() || retries.isDue(Submission.remoteOrigin(host, file.getAbsoluteFilePath()));
    }

    /** With done files on: not a done file itself, and its done file is there. */
    private boolean isComplete(Path file) {
        if (!doneFiles.isOn()) {
            return true;
        }
        String name = file.getFileName().toString();
        return !doneFiles.isDoneFile(name) && Files.exists(file.resolveSibling(doneFiles.doneFileFor(name)));
    }

    private static String notAFile(Path path) {
        int type;
        try {
            type = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & TYPE_BITS;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            type = 0;
        }
        String what = type == FIFO ? "a named pipe (FIFO)" : type == SOCKET ? "a socket" : "a device or other special file";
        return "It is " + what + ", not a file, so it is never opened (a pipe would keep a submission waiting for a"
                + " writer for ever).";
    }

    private static String unlistable(Path folder) {
        return Files.isReadable(folder) && Files.isExecutable(folder) ? null
                : "The gateway has no permission to list this folder, so the files in it are not seen. Give the"
                        + " account the gateway runs as read and execute permission on it.";
    }

    private static String unreadable(Path file) {
        return Files.isReadable(file) ? null
                : "The gateway has no permission to read this file. Give the account the gateway runs as read"
                        + " permission on it (and write permission on its folder): it is picked up as soon as it can"
                        + " be read. Until then it is neither read nor deleted.";
    }
}

package org.ndoo.gateway.intake;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.remote.RemoteFile;
import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.retry.RetrySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which entries of a drop folder (local or SFTP) the file consumer may pick up: never a local symbolic link (file or
 * folder), so nothing outside the inbox is read or deleted; and an input waiting for a retry only once its back-off
 * has passed.
 */
public final class InboxFilter implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFilter.class);

    private final RetrySchedule retries;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();

    public InboxFilter(RetrySchedule retries) {
        this.retries = retries;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.getFile() instanceof File local) {
            Path path = local.toPath().toAbsolutePath();
            if (Files.isSymbolicLink(path)) {
                if (warned.add(path)) {
                    LOG.warn("Ignoring symbolic link {} in the inbox: links are never followed",
                            Redact.digits(file.getRelativeFilePath()));
                }
                return false;
            }
            return file.isDirectory() || retries.isDue(path.toString());
        }
        String host = file instanceof RemoteFile<?> remote ? remote.getHostname() : "";
        return file.isDirectory() || retries.isDue(SubmissionIntake.remoteOrigin(host, file.getAbsoluteFilePath()));
    }
}

package org.ndoo.gateway.support;

import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * What clients had an {@link SftpTestServer} do to files, in order: opening a file for writing, each write, and each
 * rename and removal that succeeded, with the paths as the server sees them (from its root,
 * {@code /results/a@nhs.net/x.csv}). Add it with {@link SftpTestServer#addEventListener}.
 */
public final class SftpOperationsSeen implements SftpEventListener {

    private static final Set<StandardOpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING);

    /** What was asked. */
    public enum Kind { OPEN_FOR_WRITING, WRITE, RENAME, REMOVE }

    /** One operation; {@code to} is the new name of a rename, else null. */
    public record Operation(Kind kind, String path, String to) {

        /** Whether this operation's path (or, for a rename, its new name) is in {@code folder}. */
        public boolean in(String folder) {
            return parentOf(path).equals(folder) || to != null && parentOf(to).equals(folder);
        }

        /** The last name of {@code path} (the file name). */
        public static String name(String path) {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private static String parentOf(String path) {
            return path.substring(0, Math.max(0, path.lastIndexOf('/')));
        }
    }

    private final List<Operation> operations = new CopyOnWriteArrayList<>();

    /** Everything seen so far, in order. */
    public List<Operation> all() {
        return List.copyOf(operations);
    }

    /** Everything seen so far on files in {@code folder} (server path, for example {@code /results/a@nhs.net}). */
    public List<Operation> in(String folder) {
        return operations.stream().filter(o -> o.in(folder)).toList();
    }

    /** How many renames to {@code path} there were. */
    public long renamesTo(String path) {
        return operations.stream().filter(o -> o.kind() == Kind.RENAME && path.equals(o.to())).count();
    }

    public void clear() {
        operations.clear();
    }

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle localHandle) {
        if (localHandle instanceof FileHandle file
                && file.getOpenOptions().stream().anyMatch(WRITING::contains)) {
            add(Kind.OPEN_FOR_WRITING, file.getFile(), null);
        }
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
            int dataOffset, int dataLen) {
        add(Kind.WRITE, localHandle.getFile(), null);
    }

    @Override
    public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts,
            Throwable thrown) {
        if (thrown == null) {
            add(Kind.RENAME, srcPath, dstPath);
        }
    }

    @Override
    public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
        if (thrown == null) {
            add(Kind.REMOVE, path, null);
        }
    }

    private void add(Kind kind, Path path, Path to) {
        operations.add(new Operation(kind, path.toAbsolutePath().normalize().toString(),
                to == null ? null : to.toAbsolutePath().normalize().toString()));
    }
}

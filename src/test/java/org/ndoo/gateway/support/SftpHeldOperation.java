package org.ndoo.gateway.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.ndoo.gateway.support.SftpOperationsSeen.Kind;

/**
 * Holds the first write to, or removal of, one file on an {@link SftpTestServer} until the test {@link #release}s it,
 * then refuses it: a test can stop the client that asked (SIGKILL) or the server itself at that exact moment. Later
 * operations on the file go through. Add it with {@link SftpTestServer#addEventListener}; {@code path} as the server
 * names it, from its root ({@code /outgoing/a@nhs.net/x.csv}).
 */
public final class SftpHeldOperation implements SftpEventListener {

    private final Kind kind;
    private final String path;
    private final AtomicBoolean seen = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch refused = new CountDownLatch(1);

    /** Holds the first {@code kind} ({@link Kind#WRITE} or {@link Kind#REMOVE}) of {@code path}. */
    public SftpHeldOperation(Kind kind, String path) {
        if (kind != Kind.WRITE && kind != Kind.REMOVE) {
            throw new IllegalArgumentException("Only a write or a removal can be held, not " + kind);
        }
        this.kind = kind;
        this.path = path;
    }

    /** Waits until a client asked for the operation and it is being held. */
    public void awaitReached(Duration timeout) {
        Await.until("the server asked to " + kind + " " + path, timeout, () -> reached.getCount() == 0);
    }

    /** Lets the held operation go, refused, and waits until the server has refused it. */
    public void release() {
        release.countDown();
        Await.until("the held " + kind + " of " + path + " refused", Duration.ofSeconds(10),
                () -> refused.getCount() == 0);
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
            int dataOffset, int dataLen) throws IOException {
        hold(Kind.WRITE, localHandle.getFile());
    }

    @Override
    public void removing(ServerSession session, Path file, boolean isDirectory) throws IOException {
        hold(Kind.REMOVE, file);
    }

    private void hold(Kind asked, Path file) throws IOException {
        boolean first = asked == kind && file.toAbsolutePath().normalize().toString().equals(path)
                && seen.compareAndSet(false, true);
        if (!first) {
            return;
        }
        reached.countDown();
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refused.countDown();
        throw new IOException("refused by the test: the " + kind + " was held while its client or the server went");
    }
}

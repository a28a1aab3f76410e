package org.ndoo.gateway.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One gateway per work directory: an operating-system lock ({@link FileChannel#tryLock()}) on
 * {@code <work>/gateway.lock}, which holds who has it ({@code host pid start-time}). The lock goes with the process
 * (also on SIGKILL), so a stale file never blocks a restart; a second gateway on the same work directory, on this or
 * another host sharing the folder, is refused with a message naming the first.
 */
public final class WorkDirectoryLock implements ConsumerGuard {

    public static final String FILE_NAME = "gateway.lock";

    private final Path workDir;
    private final String setting;
    private FileChannel channel;
    private FileLock lock;

    /** {@code setting} names the key the folder comes from, for the refusal message. */
    public WorkDirectoryLock(Path workDir, String setting) {
        this.workDir = workDir.toAbsolutePath();
        this.setting = setting;
    }

    @Override
    public synchronized void claim() {
        Path file = workDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(workDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new StartupRefused("Another gateway is running on the work directory " + workDir + " ("
                        + setting + "): " + describe(holder) + "; stop it first, or give this one its own "
                        + setting + " and gateway.inbox.dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((whoAmI() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new StartupRefused("The work directory " + workDir + " (" + setting + ") cannot be locked: " + e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (lock != null) {
                channel.truncate(0);
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock = null;
            channel = null;
        }
    }

    /** {@code host=<name> pid=<pid> started=<ISO instant>}. */
    static String whoAmI() {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(Instant::toString).orElse("unknown");
        return "host=" + hostName() + " pid=" + self.pid() + " started=" + started;
    }

    private static String describe(String holder) {
        return holder.isEmpty() ? "a process that has not written its name yet"
                : holder.replace("host=", "host ").replace(" pid=", ", pid ").replace(" started=", ", started ");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}

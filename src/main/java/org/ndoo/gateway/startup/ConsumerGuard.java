package org.ndoo.gateway.startup;

/**
 * Who may consume: whether this gateway may take submissions from the inbox and the SFTP sources and work in the work
 * directory. Claimed before any consumer starts (and before the work directory is touched), released when the gateway
 * stops.
 * <p>
 * Today one gateway per work directory ({@link WorkDirectoryLock}): a second one is refused. Clustered operation
 * replaces this by Camel's cluster service (leader election), where {@link #claim()} waits for leadership instead of
 * refusing; nothing else changes.
 */
public interface ConsumerGuard extends AutoCloseable {

    /** Returns once this gateway may consume; throws {@link StartupRefused}, naming who holds it, when it may not. */
    void claim();

    /** Gives the claim up (at stop); the next gateway may then claim it. */
    @Override
    void close();
}

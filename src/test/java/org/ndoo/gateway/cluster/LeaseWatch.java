package org.ndoo.gateway.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the cluster's lease record ({@link LeaseFile}, as Camel's file-lock service writes it on the shared root)
 * from a test, every few milliseconds, and keeps every distinct record seen: who held the lease and the heartbeat it
 * wrote (the writer's own clock, the same machine's). A test asks when a node's heartbeat was first fresh again after
 * a moment, to check that nothing was done before it.
 */
final class LeaseWatch implements AutoCloseable {

    private final LeaseFile lease;
    private final List<LeaseFile.Holder> seen = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    LeaseWatch(Path clusterRoot) {
        this.lease = LeaseFile.of(clusterRoot.toString(), ClusterSettings.NAMESPACE);
        this.watcher = new Thread(this::watch, "lease-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (watching) {
            try {
                lease.read().ifPresent(holder -> {
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(holder)) {
                        seen.add(holder);
                    }
                });
            } catch (IOException e) {
                // being rewritten: read again at the next turn
            }
            LockSupport.parkNanos(2_000_000L);
        }
    }

    /** The latest record seen, if any. */
    Optional<LeaseFile.Holder> latest() {
        return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1));
    }

    /** The first heartbeat written after {@code moment}, by the member {@code uuid} (or by any other, if null). */
    Optional<Instant> firstHeartbeatAfter(Instant moment, String uuid, boolean byThatMember) {
        return seen.stream()
                .filter(h -> h.heartbeat().isAfter(moment) && h.memberUuid().equals(uuid) == byThatMember)
                .map(LeaseFile.Holder::heartbeat).min(Instant::compareTo);
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        watcher.join();
    }
}

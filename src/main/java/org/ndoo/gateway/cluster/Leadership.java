package org.ndoo.gateway.cluster;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's role, from Camel's cluster service: {@code leader} (it consumes the shared inputs), {@code standby}
 * (it answers pages and hands web checks to the leader) or {@code single} (not clustered: always acts). It also
 * fences: {@link #confirm} is asked before each input is deleted and each mail sent, and refuses unless this node is
 * leader now, by the cluster's own record on the shared storage (the file-lock service's lease file names this
 * node, with a heartbeat younger than {@link #fencingAge}); a node that was paused or cut off past
 * its lease therefore stops before a standby may have taken over.
 */
public final class Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final CamelClusterService service;
    private final Clock clock;
    private final List<Runnable> whenTaken = new CopyOnWriteArrayList<>();
    private volatile CamelClusterView view;
    private volatile Instant since;

    private Leadership(CamelClusterService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** Not clustered: the one gateway always acts. */
    public static Leadership single() {
        return new Leadership(null, Clock.systemUTC());
    }

    /** Clustered on {@code service} (started by the Camel context), namespace {@link ClusterSettings#NAMESPACE}. */
    public static Leadership inCluster(CamelClusterService service) {
        return new Leadership(service, Clock.systemUTC());
    }

    /** Whether this gateway is one node of a cluster. */
    public boolean clustered() {
        return service != null;
    }

    /** This node's id ({@code camel.cluster.file.id}, or the cluster service's); empty when single. */
    public String nodeId() {
        return service == null ? "" : service.getId();
    }

    /** {@code leader}, {@code standby} or {@code single}. */
    public String role() {
        return service == null ? "single" : isLeader() ? "leader" : "standby";
    }

    /** Whether this node may consume now, by its cluster view (single: always). */
    public boolean isLeader() {
        if (service == null) {
            return true;
        }
        CamelClusterView current = view;
        return current != null && current.getLocalMember().isLeader();
    }

    /** Since when this node is leader (single: since it started); meaningful only while {@link #isLeader}. */
    public Instant since() {
        return since;
    }

    /** 1 when this node is leader (or single), 0 when standby: the metric {@code ndoo_cluster_leader}. */
    public int leaderGauge() {
        return isLeader() ? 1 : 0;
    }

    /**
     * Runs {@code task} each time this node becomes leader, before the leader-only routes start (single: never; the
     * gateway does that work at start-up).
     */
    public void whenTaken(Runnable task) {
        whenTaken.add(task);
    }

    /** Joins the cluster's view (once, as the Camel context starts): the first listener, ahead of the route policy. */
    public synchronized void join() throws Exception {
        if (service == null || view != null) {
            return;
        }
        CamelClusterView joined = service.getView(ClusterSettings.NAMESPACE);
        joined.addEventListener((CamelClusterEventListener.Leadership) this::changed);
        view = joined;
    }

    private void changed(CamelClusterView changed, CamelClusterMember leader) {
        if (leader != null && leader.isLocal()) {
            since = clock.instant();
            LOG.info("This node ({}) is now the leader: it consumes the inbox, the SFTP sources and the MESH replies",
                    nodeId());
            for (Runnable task : whenTaken) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Taking over as leader: {} failed ({})", task, e.getClass().getSimpleName());
                }
            }
        } else {
            LOG.info("This node ({}) is standby: another node consumes", nodeId());
        }
    }

    /** Throws {@link NotLeader} unless this node may act as leader now (fencing; single: always may). */
    public void confirm() {
        if (service == null) {
            return;
        }
        CamelClusterView current = view;
        if (current == null || !current.getLocalMember().isLeader()) {
            throw new NotLeader("this node (" + nodeId() + ") is not the leader");
        }
        if (!(service instanceof FileLockClusterService fileLock)) {
            return; // another cluster service: its own view is the only word on leadership
        }
        // fail closed: without this node's member id the record cannot say whether it names this node
        String uuid = LeaseFile.uuidOf(current.getLocalMember()).orElseThrow(() -> new NotLeader(
                "this node's cluster member id cannot be read, so the cluster's lease file cannot confirm it"));
        LeaseFile.Holder holder;
        try {
            holder = LeaseFile.of(fileLock.getRoot(), ClusterSettings.NAMESPACE).read()
                    .orElseThrow(() -> new NotLeader("the cluster's lease file has no holder"));
        } catch (IOException e) {
            throw new NotLeader("the cluster's lease file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!uuid.equals(holder.memberUuid())) {
            throw new NotLeader("the cluster's lease file names another node as leader");
        }
        Duration age = Duration.between(holder.heartbeat(), clock.instant());
        Duration fencingAge = fencingAge(fileLock);
        if (age.compareTo(fencingAge) > 0) {
            throw new NotLeader("this node's last heartbeat is " + age.toMillis() + " ms old (more than "
                    + fencingAge.toMillis() + " ms): another node may be taking over");
        }
    }

    /**
     * How old this node's own heartbeat may be for it still to act as leader: one interval less than a standby
     * waits before it may take over (interval x multiplier), so that the one delete or send confirmed now ends first.
     */
    static Duration fencingAge(FileLockClusterService service) {
        long interval = service.getAcquireLockIntervalUnit().toMillis(service.getAcquireLockInterval());
        return Duration.ofMillis(interval * (service.getHeartbeatTimeoutMultiplier() - 1L));
    }

    /** Whether {@link #confirm} would pass now. */
    public boolean confirmed() {
        try {
            confirm();
            return true;
        } catch (NotLeader e) {
            LOG.warn("Not acting as leader: {}", e.getMessage());
            return false;
        }
    }
}

package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster of gateway nodes, each a separate JVM of the packaged jar ({@link GatewayProcess}), sharing the inbox, the
 * work directory and the cluster root of {@code settings} (the test's, as for one gateway), each with its own id
 * ({@code node-a}, {@code node-b}, ...), web and management ports, audit file and log. A test starts, kills
 * (SIGKILL), pauses (SIGSTOP) and resumes nodes, and asks which one leads: by the node's own metric
 * {@code ndoo_cluster_leader}, what an operator's monitoring reads.
 */
public final class TwoNodes implements AutoCloseable {

    /** One node: its id, ports and files. */
    public record Node(String id, int webPort, int observePort, Path log, Path auditFile) {

        /** The node's status page. */
        public String statusUrl() {
            return "http://127.0.0.1:" + observePort + "/status";
        }

        /** The node's web front door. */
        public String webUrl() {
            return "http://127.0.0.1:" + webPort + "/";
        }

        /** The node's management server (health, metrics). */
        public String observeUrl() {
            return "http://127.0.0.1:" + observePort + "/observe";
        }
    }

    /** The line a node logs when it becomes leader (cluster.Leadership). */
    public static final String NOW_LEADER = ") is now the leader";

    private final Map<String, String> settings;
    private final Path root;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, GatewayProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final List<GatewayProcess> every = new ArrayList<>();

    /**
     * Nodes on {@code settings}, clustered on {@code <root>/cluster} with the lock interval {@code interval} (the
     * gateway's default is 3s) and the default multiplier 5.
     */
    public TwoNodes(Path root, Map<String, String> settings, Duration interval) {
        this.root = root;
        try {
            java.nio.file.Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = new LinkedHashMap<>(settings);
        this.settings.put("camel.cluster.file.enabled", "true");
        this.settings.put("camel.cluster.file.root", root.resolve("cluster").toString());
        this.settings.put("camel.cluster.file.acquire-lock-interval", interval.toMillis() + "ms");
        // clustered, the shared state is in PostgreSQL: a fresh database of the tests' real server, unless given
        if (!this.settings.containsKey("gateway.state.jdbc-url") || this.settings.get("gateway.state.jdbc-url").isBlank()) {
            PostgresTestServer postgres = PostgresTestServer.shared();
            this.settings.put("gateway.state.jdbc-url",
                    postgres.createDatabase("nodes_" + Long.toHexString(System.nanoTime())));
            this.settings.put("gateway.state.username", postgres.username());
            this.settings.put("gateway.state.password", postgres.password());
        }
        for (String id : List.of("node-a", "node-b")) {
            nodes.put(id, new Node(id, freePort(), freePort(), root.resolve(id + ".log"),
                    root.resolve("audit-" + id + ".jsonl")));
        }
    }

    /** The shared folder holding the cluster's lock and lease record ({@code camel.cluster.file.root}). */
    public Path clusterRoot() {
        return Path.of(settings.get("camel.cluster.file.root"));
    }

    /** The node {@code id}. */
    public Node node(String id) {
        return nodes.get(id);
    }

    /** Starts node {@code id} (again, after a kill or stop) and waits for its ready line. */
    public GatewayProcess start(String id) {
        Node node = nodes.get(id);
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.put("camel.cluster.file.id", id);
        own.put("gateway.web.port", Integer.toString(node.webPort()));
        own.put("gateway.observe.port", Integer.toString(node.observePort()));
        own.put("gateway.audit.file", node.auditFile().toString());
        int start = starts.merge(id, 1, Integer::sum);
        Path log = start == 1 ? node.log() : root.resolve(id + "-start" + start + ".log");
        GatewayProcess process = GatewayProcess.startJar(own, log);
        running.put(id, process);
        every.add(process);
        return process;
    }

    /** The running JVM of node {@code id}. */
    public GatewayProcess process(String id) {
        return running.get(id);
    }

    /** Whether node {@code id} says it leads ({@code ndoo_cluster_leader 1}); false when it does not answer. */
    public boolean leads(String id) {
        return saysLeader(id, "1");
    }

    /** Whether node {@code id} answers that it stands by ({@code ndoo_cluster_leader 0}): up, and not leading. */
    public boolean standsBy(String id) {
        return saysLeader(id, "0");
    }

    /** Whether node {@code id}'s metrics answer {@code ndoo_cluster_leader <value>}; false when it does not answer. */
    private boolean saysLeader(String id, String value) {
        try {
            Http.Response metrics = Http.get(nodes.get(id).observeUrl() + "/metrics");
            return metrics.status() == 200
                    && metrics.body().lines().anyMatch(l -> l.startsWith("ndoo_cluster_leader " + value));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The running nodes that say they lead now. */
    public List<String> leaders() {
        List<String> leaders = new ArrayList<>();
        for (Map.Entry<String, GatewayProcess> node : running.entrySet()) {
            if (node.getValue().isAlive() && leads(node.getKey())) {
                leaders.add(node.getKey());
            }
        }
        return leaders;
    }

    /** Waits until exactly one running node leads, and returns it. */
    public String awaitLeader(Duration timeout) {
        Await.until("one node leading", timeout, () -> leaders().size() == 1);
        return leaders().get(0);
    }

    /** Waits until node {@code id} leads; returns how long that took from {@code from}. */
    public Duration awaitLeads(String id, Instant from, Duration timeout) {
        Await.until(id + " leading", timeout, () -> leads(id));
        return Duration.between(from, Instant.now());
    }

    /** The other node's id. */
    public String other(String id) {
        return nodes.keySet().stream().filter(n -> !n.equals(id)).findFirst().orElseThrow();
    }

    /** SIGKILL to node {@code id}: it gets no chance to finish or release anything. */
    public void kill(String id) {
        running.get(id).kill();
    }

    /** A normal stop (SIGTERM) of node {@code id}. */
    public void stop(String id) {
        running.get(id).stop();
    }

    /** SIGSTOP to node {@code id}: the JVM stands still, holding what it holds, until {@link #resume}. */
    public void pause(String id) {
        signal(id, "-STOP");
    }

    /** SIGCONT to node {@code id}. */
    public void resume(String id) {
        signal(id, "-CONT");
    }

    private void signal(String id, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(running.get(id).pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " failed for " + id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The running node whose log holds {@code text}, if any. */
    public Optional<String> nodeLogging(String text) {
        return running.entrySet().stream().filter(e -> e.getValue().logContains(text)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every log of every start of every node, joined: what the cluster logged. */
    public String allLogs() {
        StringBuilder all = new StringBuilder();
        every.forEach(p -> all.append(p.log()));
        return all.toString();
    }

    @Override
    public void close() {
        for (String id : running.keySet()) {
            GatewayProcess process = running.get(id);
            if (process.isAlive()) {
                resume(id);
                process.stop();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

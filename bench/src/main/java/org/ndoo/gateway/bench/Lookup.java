package org.ndoo.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The opt-out lookup a gateway run uses: the in-process sandbox, or the sandbox served over HTTP on loopback. */
final class Lookup implements AutoCloseable {

    private final Map<String, String> settings;
    private final Process server;

    private Lookup(Map<String, String> settings, Process server) {
        this.settings = settings;
        this.server = server;
    }

    static Lookup defaults() {
        return new Lookup(Map.of(), null);
    }

    static Lookup start(String type, Path repository, Path register, Path home) throws Exception {
        if (type.equals("sandbox")) {
            return new Lookup(Map.of("gateway.lookup.type", "sandbox",
                    "gateway.lookup.sandbox.optouts", register.toString()), null);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(home);
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), GatewayBenchmark.HEAP, "-jar",
                repository.resolve("target/ndoo-gateway.jar").toString(), "sandbox-server", "--port",
                Integer.toString(port), "--optouts", register.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("sandbox-server.log").toFile()).start();
        awaitListening(port, server);
        return new Lookup(Map.of("gateway.lookup.type", "http",
                "gateway.lookup.http.url", "http://127.0.0.1:" + port + "/opt-out-lookup"), server);
    }

    private static void awaitListening(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the sandbox server did not start on port " + port);
    }

    Map<String, String> gatewaySettings() {
        return settings;
    }

    /** The lookup server's process id, when the lookup runs in a process of its own. */
    Optional<Long> pid() {
        return server == null ? Optional.empty() : Optional.of(server.pid());
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }
}

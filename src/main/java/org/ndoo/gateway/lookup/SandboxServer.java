package org.ndoo.gateway.lookup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The sandbox registry as an HTTP lookup service on loopback, so that {@code gateway.lookup.type=http} can be tried
 * locally:
 *
 * <pre>
 * java -jar target/ndoo-gateway.jar sandbox-server [--port 8089] [--optouts config/sandbox-optouts.txt]
 * </pre>
 *
 * It answers {@code POST /opt-out-lookup}. A bearer token is required when {@code SANDBOX_TOKEN} is set.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String PATH = "/opt-out-lookup";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private SandboxServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code handler} at {@link #PATH} on 127.0.0.1; port 0 picks a free port. */
    public static SandboxServer start(int port, HttpHandler handler) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        SandboxServer sandbox = new SandboxServer(http);
        http.createContext(PATH, handler);
        http.setExecutor(sandbox.executor);
        http.start();
        return sandbox;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL to set as {@code gateway.lookup.http.url}. */
    public String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String... args) throws Exception {
        int port = 8089;
        String optOuts = "config/sandbox-optouts.txt";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--optouts" -> optOuts = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --port N, --optouts FILE)");
            }
        }
        SandboxRegistry registry = new SandboxRegistry(optOuts);
        SandboxServer server = start(port, new SandboxLookupHandler(registry, System.getenv("SANDBOX_TOKEN")));
        System.out.println("Sandbox opt-out lookup with " + registry.size() + " opted-out numbers at " + server.url());
        new CountDownLatch(1).await();
    }
}

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

    /** How to call it, as {@code --help} prints it. */
    static final String USAGE = """
            Usage: java -jar target/ndoo-gateway.jar sandbox-server [--port N] [--optouts FILE]
            Serves the sandbox opt-out register as an HTTP lookup service on 127.0.0.1, POST /opt-out-lookup.
              --port N         port to listen on (default 8089; 0 picks a free one)
              --optouts FILE   opted-out synthetic NHS numbers, one per line (default config/sandbox-optouts.txt)
              --help           this text
            With SANDBOX_TOKEN set, requests must carry 'Authorization: Bearer <token>'. Stop it with Ctrl-C.
            """;

    public static void main(String... args) throws Exception {
        System.exit(run(args));
    }

    /**
     * Runs the server until the JVM stops; returns the exit status at once for {@code --help} (0) and for bad
     * options, a missing register or a port in use (2, with one line on stderr).
     */
    public static int run(String... args) throws InterruptedException {
        int port = 8089;
        String optOuts = "config/sandbox-optouts.txt";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                System.out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.length || !("--port".equals(option) || "--optouts".equals(option))) {
                return refuse("unknown option or missing value: " + option);
            }
            String value = args[++i];
            if ("--port".equals(option)) {
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    return refuse("--port must be a number, not '" + value + "'");
                }
            } else {
                optOuts = value;
            }
        }
        SandboxRegistry registry;
        try {
            registry = new SandboxRegistry(optOuts);
        } catch (RuntimeException e) {
            return refuse("cannot read the register " + optOuts + ": " + e.getMessage());
        }
        SandboxServer server;
        try {
            server = start(port, new SandboxLookupHandler(registry, System.getenv("SANDBOX_TOKEN")));
        } catch (IOException e) {
            return refuse("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is it running already? Choose another with --port");
        }
        System.out.println("Sandbox opt-out lookup with " + registry.size() + " opted-out numbers at " + server.url());
        new CountDownLatch(1).await();
        return 0;
    }

    private static int refuse(String reason) {
        System.err.println("sandbox-server: " + reason + " (--help for usage)");
        return 2;
    }
}

package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, never a mock: Debian's server binaries ({@code /usr/lib/postgresql/<n>/bin},
 * package {@code postgresql}, which {@code .ci/run} installs) run a private cluster made by {@code initdb} in a fresh
 * 0700 temp folder. It listens on a free loopback port only, its unix socket in that folder; PostgreSQL refuses to run
 * as root, so when the tests run as root it runs as the {@code postgres} OS user. The gateway connects as the
 * non-superuser role {@value #USERNAME} with a random password, owner of the database {@value #DATABASE} and of every
 * database {@link #createDatabase} makes. One server per test JVM ({@link #shared()}, started at first use, stopped at
 * JVM exit), or a fresh one of a test's own ({@link #start()}); {@link #stop()} stops it and deletes its folder.
 */
public final class PostgresTestServer implements AutoCloseable {

    public static final String USERNAME = "gateway";
    public static final String DATABASE = "gateway";

    private static final Path DEBIAN_SERVERS = Path.of("/usr/lib/postgresql");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String SUPERUSER = "postgres";
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private static PostgresTestServer shared;

    private final Path bin;
    private final Path folder;
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(18));
    private int port;

    private PostgresTestServer(Path bin, Path folder) {
        this.bin = bin;
        this.folder = folder;
    }

    /** The server of this test JVM, started at the first call and stopped when the JVM exits. */
    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            PostgresTestServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A fresh server of its own (the caller stops it). */
    public static PostgresTestServer start() {
        Path bin = binaries();
        try {
            Path folder = Files.createTempDirectory("ndoo-postgres-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (AS_ROOT) {
                UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SUPERUSER);
                Files.setOwner(folder, owner);
            }
            PostgresTestServer server = new PostgresTestServer(bin, folder);
            server.initialise();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the PostgreSQL test server's folder", e);
        }
    }

    /** The JDBC URL of the database {@value #DATABASE}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The JDBC URL of the database {@code name} on this server. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The folder holding the cluster, its socket and its log (gone once stopped). */
    public Path folder() {
        return folder;
    }

    /** A new empty database {@code name} owned by {@value #USERNAME} (dropped first if it exists); its JDBC URL. */
    public synchronized String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        superuserSql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE);\n"
                + "CREATE DATABASE " + name + " OWNER " + USERNAME + ";\n");
        return jdbcUrl(name);
    }

    /** Stops the server (fast shutdown) and deletes its folder. */
    public synchronized void stop() {
        if (Files.isDirectory(folder.resolve("data"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop"), null, false);
        }
        deleteFolder();
    }

    @Override
    public void close() {
        stop();
    }

    private void initialise() {
        try {
            // the superuser connects over the unix socket only, which is in the 0700 folder: no password needed
            run(List.of(bin.resolve("initdb").toString(), "-D", data(), "-U", SUPERUSER, "-E", "UTF8",
                    "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256"), null, true);
            for (int attempt = 1; ; attempt++) {
                port = freePort();
                Files.writeString(folder.resolve("data/postgresql.auto.conf"), "listen_addresses = '127.0.0.1'\n"
                        + "port = " + port + "\n"
                        + "unix_socket_directories = '" + folder + "'\n"
                        + "fsync = off\n"
                        + "max_connections = 200\n", StandardCharsets.UTF_8);
                if (run(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-l",
                        folder.resolve("server.log").toString(), "-w", "-t", "60", "start"), null, attempt >= 3)) {
                    break;
                }
            }
            superuserSql("CREATE ROLE " + USERNAME + " LOGIN PASSWORD '" + password + "';\n"
                    + "CREATE DATABASE " + DATABASE + " OWNER " + USERNAME + ";\n");
        } catch (IOException | RuntimeException e) {
            String log = serverLog();
            stop();
            throw new IllegalStateException("The PostgreSQL test server did not start: " + e.getMessage()
                    + (log.isEmpty() ? "" : "\nserver log:\n" + log), e);
        }
    }

    /** Runs {@code sql} (given on standard input, so no password is on a command line) as the superuser. */
    private void superuserSql(String sql) {
        run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder.toString(),
                "-p", String.valueOf(port), "-U", SUPERUSER, "-d", "postgres"), sql, true);
    }

    /** Runs a server program (as the postgres OS user when the tests run as root); whether it exited 0. */
    private boolean run(List<String> command, String input, boolean mustSucceed) {
        List<String> full = new ArrayList<>();
        if (AS_ROOT) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        Path output = folder.resolve("command.out");
        try {
            ProcessBuilder builder = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 90 s");
            }
            boolean ok = process.exitValue() == 0;
            if (!ok && mustSucceed) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " exited "
                        + process.exitValue() + ": " + Files.readString(output).strip());
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        } finally {
            output.toFile().delete();
        }
    }

    /** The newest Debian PostgreSQL server installed; a failure saying how to install one if none is. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.isDirectory(DEBIAN_SERVERS) ? Files.list(DEBIAN_SERVERS) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresTestServer::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server found (no "
                            + DEBIAN_SERVERS + "/*/bin/initdb): these tests need a real one; install Debian's"
                            + " package with `apt-get install postgresql` (.ci/run does)"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + DEBIAN_SERVERS, e);
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private String serverLog() {
        try {
            Path log = folder.resolve("server.log");
            return Files.exists(log) ? Files.readString(log).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void deleteFolder() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}

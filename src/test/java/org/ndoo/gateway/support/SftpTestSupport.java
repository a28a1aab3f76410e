package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The gateway with one SFTP source, "warehouse", watching {@code outgoing/} on a real SFTP server (MINA SSHD) that
 * verifies the gateway's key, while the gateway verifies the server's host key.
 */
public abstract class SftpTestSupport extends GatewayTestSupport {

    public static final String DEFAULT_RECIPIENT = "warehouse-team@nhs.net";

    protected static SftpTestServer sftp;
    protected static Path sftpRoot;
    protected static Path knownHosts;
    private static Path privateKey;

    @BeforeAll
    static void startSftp() throws IOException {
        sftpRoot = Files.createDirectories(root.resolve("sftp-root"));
        Files.createDirectories(sftpRoot.resolve("outgoing"));
        sftp = SftpTestServer.startForGateway(sftpRoot, root);
        privateKey = sftp.privateKeyFile();
        knownHosts = sftp.knownHostsFile();
    }

    @AfterAll
    static void stopSftp() throws IOException {
        sftp.close();
    }

    @AfterEach
    void emptyRemoteFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(sftpRoot.resolve("outgoing"))) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(sftpRoot.resolve("outgoing")))
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Override
    protected final void override(Properties p) {
        p.setProperty("gateway.sftp.sources", "warehouse");
        p.setProperty("gateway.sftp.warehouse.host", "127.0.0.1");
        p.setProperty("gateway.sftp.warehouse.port", Integer.toString(sftp.port()));
        p.setProperty("gateway.sftp.warehouse.username", SftpTestServer.USER);
        p.setProperty("gateway.sftp.warehouse.private-key-file", privateKey.toString());
        p.setProperty("gateway.sftp.warehouse.known-hosts-file", knownHosts.toString());
        p.setProperty("gateway.sftp.warehouse.remote-dir", "outgoing");
        p.setProperty("gateway.sftp.warehouse.poll-interval", "200");
        p.setProperty("gateway.sftp.warehouse.default-recipient", DEFAULT_RECIPIENT);
        p.setProperty("gateway.sftp.error-backoff-multiplier", "1");
        overrideSftp(p);
    }

    /** The source replies {@code reply} ({@code sftp} or {@code both}) into {@code results/} on the test server. */
    protected static void replyInto(Properties properties, String reply) {
        properties.setProperty("gateway.sftp.warehouse.reply", reply);
        properties.setProperty("gateway.sftp.warehouse.reply-dir", "results");
    }

    /** Changes to the SFTP test settings for one test class. */
    protected void overrideSftp(Properties properties) {
    }

    /**
     * Puts a file on the server as a well-behaved pusher does: uploaded under a temporary name, then renamed.
     * {@code remotePath} is relative to the source's remote folder ({@code outgoing/}).
     */
    protected static Path upload(String remotePath, String content) {
        try {
            Path target = sftpRoot.resolve("outgoing").resolve(remotePath);
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.writeString(partial, content);
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

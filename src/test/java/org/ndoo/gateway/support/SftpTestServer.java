package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on loopback serving one folder, for one user who logs in with a key pair.
 * It can be stopped and started again on the same port, and given a new host key.
 */
public final class SftpTestServer implements AutoCloseable {

    public static final String USER = "pusher";

    private final Path root;
    private final KeyPair clientKey;
    private KeyPair hostKey = newKeyPair();
    private SshServer server;
    private int port;
    private volatile boolean refuseLogins;
    private final List<SftpEventListener> listeners = new CopyOnWriteArrayList<>();
    private SftpSubsystemFactory sftpFactory;

    private Path privateKeyFile;
    private Path knownHostsFile;

    /**
     * A started server serving {@code served}, with what the gateway needs to log in written into
     * {@code clientFolder}: its private key ({@code gateway_key}) and a known-hosts file naming this server's host key.
     */
    public static SftpTestServer startForGateway(Path served, Path clientFolder) throws IOException {
        KeyPair clientKey = newKeyPair();
        SftpTestServer server = new SftpTestServer(served, clientKey);
        server.privateKeyFile = writePrivateKey(clientKey, clientFolder.resolve("gateway_key"));
        server.start();
        server.knownHostsFile = Files.writeString(clientFolder.resolve("known_hosts"), server.knownHostsLine() + "\n");
        return server;
    }

    /**
     * The settings of a gateway source {@code warehouse} on this server (from {@link #startForGateway}): its login,
     * key, known hosts, {@code remoteDir} polled every 200 ms.
     */
    public java.util.Map<String, String> warehouseSource(String remoteDir) {
        java.util.Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("gateway.sftp.sources", "warehouse");
        s.put("gateway.sftp.warehouse.host", "127.0.0.1");
        s.put("gateway.sftp.warehouse.port", Integer.toString(port));
        s.put("gateway.sftp.warehouse.username", USER);
        s.put("gateway.sftp.warehouse.private-key-file", privateKeyFile.toString());
        s.put("gateway.sftp.warehouse.known-hosts-file", knownHostsFile.toString());
        s.put("gateway.sftp.warehouse.remote-dir", remoteDir);
        s.put("gateway.sftp.warehouse.poll-interval", "200");
        return s;
    }

    /** The gateway's private key file (from {@link #startForGateway}). */
    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** The gateway's known-hosts file (from {@link #startForGateway}). */
    public Path knownHostsFile() {
        return knownHostsFile;
    }

    public SftpTestServer(Path root, KeyPair clientKey) {
        this.root = root;
        this.clientKey = clientKey;
    }

    /** Starts serving; after the first start always on the same port. */
    public synchronized void start() throws IOException {
        SshServer ssh = SshServer.setUpDefaultServer();
        ssh.setHost("127.0.0.1");
        ssh.setPort(port);
        ssh.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        ssh.setPublickeyAuthenticator((user, key, session) -> !refuseLogins && USER.equals(user)
                && KeyUtils.compareKeys(key, clientKey.getPublic()));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        listeners.forEach(sftp::addSftpEventListener);
        sftpFactory = sftp;
        ssh.setSubsystemFactories(List.of(sftp));
        ssh.setFileSystemFactory(new VirtualFileSystemFactory(root));
        ssh.start();
        server = ssh;
        port = ssh.getPort();
    }

    public synchronized void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    /** Whether every login is refused, as if the gateway's key had been revoked. */
    public void refuseLogins(boolean refuse) {
        refuseLogins = refuse;
    }

    /**
     * Lets a test see (and, by throwing from a callback, refuse) what clients do on this server: opening, writing,
     * renaming, removing files. Takes effect for the sessions opened from now on, and is kept across restarts.
     */
    public synchronized void addEventListener(SftpEventListener listener) {
        listeners.add(listener);
        if (sftpFactory != null) {
            sftpFactory.addSftpEventListener(listener);
        }
    }

    /** The server presents a new host key from its next start on. */
    public void changeHostKey() {
        hostKey = newKeyPair();
    }

    public int port() {
        return port;
    }

    /** The known_hosts line for the current host key. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as ssh-keygen does (OpenSSH format, no passphrase). */
    public static Path writePrivateKey(KeyPair key, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "ndoo-gateway-test", null, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }
}

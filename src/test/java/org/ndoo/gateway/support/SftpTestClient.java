package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * An SFTP client of its own (Apache MINA SSHD), as the system that pushes files to the server runs one: it logs in to
 * a {@link SftpTestServer} with the key pair written by {@link SftpTestServer#startForGateway}, checks the server's
 * host key against the known-hosts file, puts files the safe way (hidden temporary name, then renamed), lists folders
 * and reads files. Paths are relative to the login folder.
 */
public final class SftpTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SshClient ssh;
    private final ClientSession session;
    private final SftpClient sftp;

    private SftpTestClient(SshClient ssh, ClientSession session, SftpClient sftp) {
        this.ssh = ssh;
        this.session = session;
        this.sftp = sftp;
    }

    /** A logged-in session on {@code server}. */
    public static SftpTestClient connect(SftpTestServer server) throws IOException {
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setKeyIdentityProvider(new FileKeyPairProvider(server.privateKeyFile()));
        ssh.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                server.knownHostsFile()));
        ssh.start();
        try {
            ClientSession session = ssh.connect(SftpTestServer.USER, "127.0.0.1", server.port()).verify(TIMEOUT)
                    .getSession();
            session.auth().verify(TIMEOUT);
            return new SftpTestClient(ssh, session, SftpClientFactory.instance().createSftpClient(session));
        } catch (IOException | RuntimeException e) {
            ssh.stop();
            throw e;
        }
    }

    /** The names in {@code folder} (without "." and ".."); none when the folder does not exist. */
    public List<String> names(String folder) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
                if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                    names.add(entry.getFilename());
                }
            }
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        } catch (java.io.UncheckedIOException e) {
            // the listing's iterator wraps the server's status
            if (!(e.getCause() instanceof SftpException status) || status.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
        return names;
    }

    /** The whole of {@code file} as one read gives it. */
    public byte[] read(String file) throws IOException {
        try (InputStream in = sftp.read(file)) {
            return in.readAllBytes();
        }
    }

    /** Puts {@code content} at {@code file} as a careful pusher does: written as {@code .<name>.part}, then renamed. */
    public void put(String file, String content) throws IOException {
        int slash = file.lastIndexOf('/');
        String folder = file.substring(0, slash);
        makeFolders(folder);
        String partial = folder + "/." + file.substring(slash + 1) + ".part";
        try (OutputStream out = sftp.write(partial)) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        sftp.rename(partial, file);
    }

    private void makeFolders(String folder) throws IOException {
        StringBuilder path = new StringBuilder();
        for (String part : folder.split("/")) {
            path.append(path.length() == 0 ? "" : "/").append(part);
            try {
                sftp.stat(path.toString());
            } catch (SftpException e) {
                sftp.mkdir(path.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
            session.close();
        } finally {
            ssh.stop();
        }
    }
}

package org.ndoo.gateway.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Whether what the gateway depends on is usable now, each by name: the inbox (readable and writable), the work
 * directory (writable, with free space), the opt-out lookup (reachable) and the mail server (reachable). Used by the
 * readiness health checks and the status page. Details name folders, hosts and ports; never a secret.
 */
public final class DependencyHealth {

    public static final String INBOX = "inbox";
    public static final String WORK_DIRECTORY = "work-directory";
    public static final String LOOKUP = "lookup";
    public static final String MAIL_SERVER = "mail-server";

    /**
     * One dependency's state; {@code folder}, when the check is about one, names it exactly (the health JSON gives
     * it as data, since Camel escapes its messages twice).
     */
    public record Check(String name, boolean up, String detail, Folder folder) {

        public Check(String name, boolean up, String detail) {
            this(name, up, detail, null);
        }

        /** The detail with the folder's path replaced by the setting it comes from (no '/' to be mangled). */
        public String detailWithoutPath() {
            return folder == null ? detail : detail.replace(folder.path(), folder.setting());
        }
    }

    /** A folder a check is about: the setting it comes from and its path as configured. */
    public record Folder(String setting, String path) {
    }

    /** The folders: {@code gateway.inbox.dir}, {@code gateway.work.dir} and the least free space it needs, in MB. */
    public record Folders(String inbox, String workDir, long minFreeMegabytes) {
    }

    /** The lookup: {@code gateway.lookup.type} and the URL of the HTTP service or of MESH. */
    public record Lookup(String type, String httpUrl, String meshUrl) {
    }

    /** The mail: {@code gateway.mail.transport}, the pickup folder and the SMTP server. */
    public record Mail(String transport, String pickupDir, String smtpHost, int smtpPort) {
    }

    private final Path inbox;
    private final Path workDir;
    private final long minFreeBytes;
    private final String lookupType;
    private final String httpUrl;
    private final String meshUrl;
    private final String mailTransport;
    private final Path pickupDir;
    private final String smtpHost;
    private final int smtpPort;

    /** How long a reachability check waits for a connection. */
    static final int CONNECT_TIMEOUT_MS = 3000;

    public DependencyHealth(Folders folders, Lookup lookup, Mail mail) {
        this.inbox = Paths.get(folders.inbox());
        this.workDir = Paths.get(folders.workDir());
        this.minFreeBytes = folders.minFreeMegabytes() * 1024 * 1024;
        this.lookupType = lookup.type();
        this.httpUrl = lookup.httpUrl();
        this.meshUrl = lookup.meshUrl();
        this.mailTransport = mail.transport();
        this.pickupDir = Paths.get(mail.pickupDir());
        this.smtpHost = mail.smtpHost();
        this.smtpPort = mail.smtpPort();
    }

    /** All four checks, in a fixed order. */
    public List<Check> all() {
        return List.of(inbox(), workDirectory(), lookup(), mailServer());
    }

    public Check inbox() {
        Folder folder = new Folder("gateway.inbox.dir", inbox.toString());
        if (!Files.isDirectory(inbox)) {
            return new Check(INBOX, false, inbox + " is not a folder", folder);
        }
        if (!Files.isReadable(inbox) || !Files.isWritable(inbox)) {
            return new Check(INBOX, false, inbox + " is not readable and writable by the gateway", folder);
        }
        return new Check(INBOX, true, inbox + " readable and writable", folder);
    }

    public Check workDirectory() {
        Folder folder = new Folder("gateway.work.dir", workDir.toString());
        Path existing = workDir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.toAbsolutePath().getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return new Check(WORK_DIRECTORY, false, workDir + " is not a writable folder", folder);
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String space = free / (1024 * 1024) + " MB free";
            return free < minFreeBytes
                    ? new Check(WORK_DIRECTORY, false, workDir + ": only " + space + ", below "
                            + minFreeBytes / (1024 * 1024) + " MB", folder)
                    : new Check(WORK_DIRECTORY, true, workDir + ": " + space, folder);
        } catch (IOException e) {
            return new Check(WORK_DIRECTORY, false, workDir + ": free space unknown (" + e.getClass().getSimpleName() + ")",
                    folder);
        }
    }

    public Check lookup() {
        if ("sandbox".equals(lookupType)) {
            return new Check(LOOKUP, true, "built-in sandbox register");
        }
        URI uri = URI.create("mesh".equals(lookupType) ? meshUrl : httpUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return reachable(LOOKUP, lookupType + " lookup", uri.getHost(), port);
    }

    public Check mailServer() {
        if ("pickup".equals(mailTransport)) {
            Path folder = pickupDir.toAbsolutePath();
            boolean usable = Files.isDirectory(folder) ? Files.isWritable(folder)
                    : folder.getParent() != null && Files.isWritable(folder.getParent());
            return new Check(MAIL_SERVER, usable, "pickup folder " + pickupDir + (usable ? " writable" : " not writable"),
                    new Folder("gateway.mail.pickup-dir", pickupDir.toString()));
        }
        return reachable(MAIL_SERVER, "SMTP server", smtpHost, smtpPort);
    }

    private Check reachable(String name, String what, String host, int port) {
        String where = what + " " + host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return new Check(name, true, where + " reachable");
        } catch (IOException | IllegalArgumentException e) {
            return new Check(name, false, where + " not reachable (" + e.getClass().getSimpleName() + ")");
        }
    }
}

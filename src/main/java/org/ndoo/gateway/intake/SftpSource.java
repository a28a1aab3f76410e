package org.ndoo.gateway.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.ndoo.gateway.delivery.MailAddresses;
import org.ndoo.gateway.settings.Secrets;

/**
 * One SFTP inbox, read from {@code gateway.sftp.<name>.*}, checked before anything starts: host, user, private key
 * and known-hosts file are required and the files must exist; where its results go ({@code reply}: {@code email},
 * {@code sftp} or {@code both}) and, for a reply over SFTP, the remote folder they are put in ({@code reply-dir}).
 */
public record SftpSource(String name, String host, int port, String username, String privateKeyFile,
        String privateKeyPassphrase, String knownHostsFile, String remoteDir, long pollInterval,
        String defaultRecipient, String reply, String replyDir) {

    /** The result by email only (the default). */
    public static final String REPLY_EMAIL = "email";
    /** The result put back on the SFTP server only. */
    public static final String REPLY_SFTP = "sftp";
    /** Both. */
    public static final String REPLY_BOTH = "both";

    /**
     * The sources named in {@code gateway.sftp.sources}, in order, each read by {@link #from}; {@code property} gives
     * a key's value, {@code null} when it is not set.
     */
    public static java.util.List<SftpSource> configured(Function<String, String> property) {
        String names = property.apply("gateway.sftp.sources");
        return java.util.Arrays.stream(names == null ? new String[0] : names.split(",")).map(String::strip)
                .filter(n -> !n.isEmpty())
                .map(name -> from(name, key -> property.apply("gateway.sftp." + name + "." + key))).toList();
    }

    /**
     * The source called {@code name}, its settings looked up by key (without the {@code gateway.sftp.<name>.}
     * prefix); {@code null} for a key that is not set.
     */
    public static SftpSource from(String name, Function<String, String> setting) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("gateway.sftp.sources: '" + name + "' is not a valid source name"
                    + " (letters, digits, '-' and '_')");
        }
        String prefix = "gateway.sftp." + name + ".";
        Function<String, String> required = key -> {
            String value = setting.apply(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(prefix + key + " is required for SFTP source '" + name + "'");
            }
            return value.strip();
        };
        String knownHosts = existingFile(prefix + "known-hosts-file", required.apply("known-hosts-file"),
                "host keys are always verified: add the server's line (ssh-keyscan) to a known-hosts file");
        String privateKey = existingFile(prefix + "private-key-file", required.apply("private-key-file"),
                "the gateway logs in with a key pair");
        String passphraseFile = optional(setting.apply("private-key-passphrase-file"));
        if (!passphraseFile.isEmpty()) {
            existingFile(prefix + "private-key-passphrase-file", passphraseFile, "it holds the key's passphrase");
        }
        String recipient = optional(setting.apply("default-recipient"));
        if (!recipient.isEmpty() && MailAddresses.normalise(recipient) == null) {
            throw new IllegalArgumentException(prefix + "default-recipient is not a single valid email address");
        }
        String remoteDir = optionalOr(setting.apply("remote-dir"), ".");
        String reply = optionalOr(setting.apply("reply"), REPLY_EMAIL).toLowerCase(java.util.Locale.ROOT);
        String replyDir = replyDir(prefix, reply, optional(setting.apply("reply-dir")), remoteDir);
        return new SftpSource(name, required.apply("host"), Integer.parseInt(optionalOr(setting.apply("port"), "22")),
                required.apply("username"), privateKey,
                Secrets.resolve(setting.apply("private-key-passphrase"), passphraseFile),
                knownHosts, remoteDir, Long.parseLong(optionalOr(setting.apply("poll-interval"), "30000")), recipient,
                reply, replyDir);
    }

    /** Whether results are put back on the server ({@code reply} is {@code sftp} or {@code both}). */
    public boolean repliesOverSftp() {
        return !REPLY_EMAIL.equals(reply);
    }

    /** Whether results are mailed ({@code reply} is {@code email} or {@code both}). */
    public boolean repliesByEmail() {
        return !REPLY_SFTP.equals(reply);
    }

    /**
     * The reply folder, checked: required for a reply over SFTP, no {@code ..}, and outside the folder the gateway
     * polls (a reply there would be taken for a new submission).
     */
    private static String replyDir(String prefix, String reply, String dir, String remoteDir) {
        if (!java.util.Set.of(REPLY_EMAIL, REPLY_SFTP, REPLY_BOTH).contains(reply)) {
            throw new IllegalArgumentException(prefix + "reply must be email, sftp or both, not '" + reply + "'");
        }
        if (REPLY_EMAIL.equals(reply)) {
            return dir;
        }
        if (dir.isEmpty()) {
            throw new IllegalArgumentException(prefix + "reply-dir is required with " + prefix + "reply=" + reply
                    + ": name the folder on the server that the results are put in, for example results");
        }
        String normal = folder(dir);
        if (java.util.Arrays.asList(normal.split("/")).contains("..")) {
            throw new IllegalArgumentException(prefix + "reply-dir '" + dir + "' must not climb out with '..'");
        }
        String polled = folder(remoteDir);
        boolean inside = polled.isEmpty() ? !normal.startsWith("/")
                : normal.equals(polled) || normal.startsWith(polled.endsWith("/") ? polled : polled + "/");
        if (inside) {
            throw new IllegalArgumentException(prefix + "reply-dir '" + dir + "' is inside " + prefix + "remote-dir '"
                    + remoteDir + "', which the gateway polls: the results would be taken for new files");
        }
        return normal;
    }

    /** A remote folder as compared: no "." steps, no trailing or doubled '/'; "" for the login folder. */
    private static String folder(String dir) {
        String steps = java.util.Arrays.stream(dir.split("/")).filter(step -> !step.isEmpty() && !".".equals(step))
                .collect(java.util.stream.Collectors.joining("/"));
        return dir.startsWith("/") ? "/" + steps : steps;
    }

    /** The parameters of the {@code sftp-intake} route template. */
    public Map<String, Object> templateParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("host", host);
        p.put("port", port);
        p.put("username", username);
        p.put("privateKeyFile", privateKeyFile);
        p.put("privateKeyPassphrase", privateKeyPassphrase);
        p.put("knownHostsFile", knownHostsFile);
        p.put("remoteDir", remoteDir);
        p.put("pollInterval", pollInterval);
        p.put("defaultRecipient", defaultRecipient);
        return p;
    }

    /** The parameters of the {@code sftp-upload} route template: the same server and login, the reply folder. */
    public Map<String, Object> uploadParameters() {
        Map<String, Object> p = new LinkedHashMap<>(templateParameters());
        p.keySet().retainAll(java.util.List.of("name", "host", "port", "username", "privateKeyFile",
                "privateKeyPassphrase", "knownHostsFile"));
        p.put("replyDir", replyDir.isEmpty() ? "." : replyDir);
        return p;
    }

    @Override
    public String toString() {
        return "SFTP source " + name + " (" + username + "@" + host + ":" + port + "/" + remoteDir + ")";
    }

    private static String existingFile(String key, String file, String why) {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(key + ": file " + path.toAbsolutePath() + " does not exist (" + why + ")");
        }
        return path.toAbsolutePath().toString();
    }

    private static String optional(String value) {
        return value == null ? "" : value.strip();
    }

    private static String optionalOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}

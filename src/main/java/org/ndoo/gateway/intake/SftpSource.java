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
 * and known-hosts file are required and the files must exist.
 */
public record SftpSource(String name, String host, int port, String username, String privateKeyFile,
        String privateKeyPassphrase, String knownHostsFile, String remoteDir, long pollInterval,
        String defaultRecipient) {

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
        String recipient = optional(setting.apply("default-recipient"));
        if (!recipient.isEmpty() && MailAddresses.normalise(recipient) == null) {
            throw new IllegalArgumentException(prefix + "default-recipient is not a single valid email address");
        }
        return new SftpSource(name, required.apply("host"), Integer.parseInt(optionalOr(setting.apply("port"), "22")),
                required.apply("username"), privateKey,
                Secrets.resolve(setting.apply("private-key-passphrase"), setting.apply("private-key-passphrase-file")),
                knownHosts, optionalOr(setting.apply("remote-dir"), "."),
                Long.parseLong(optionalOr(setting.apply("poll-interval"), "30000")), recipient);
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

package org.ndoo.gateway.startup;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.ndoo.gateway.cluster.ClusterSettings;

/**
 * The one line that says the gateway is ready, for an operator: what is watched (inbox, SFTP sources), which lookup
 * answers, where mail goes, and the web front door, status page and health addresses as really bound. No secret: URLs lose any user
 * information.
 */
final class ReadyLine {

    static final String PREFIX = "NDOO gateway ready: ";

    private ReadyLine() {
    }

    /** {@code webUrl}, {@code statusUrl} and {@code healthUrl} may be null when their server is off. */
    static String of(Function<String, String> setting, String webUrl, String statusUrl, String healthUrl) {
        return PREFIX + cluster(setting) + "watching " + watched(setting) + "; lookup " + lookup(setting) + "; mail " + mail(setting)
                + "; web front door " + orOff(webUrl) + "; status page " + orOff(statusUrl)
                + "; health " + orOff(healthUrl);
    }

    /** A node of a cluster says so: it watches only while it leads. */
    private static String cluster(Function<String, String> setting) {
        ClusterSettings cluster = ClusterSettings.from(setting);
        if (!cluster.clustered()) {
            return "";
        }
        return "node " + cluster.node() + " of a cluster ("
                + (cluster.enabled() ? "lock in " + Path.of(cluster.root()).toAbsolutePath().normalize()
                        : setting.apply(ClusterSettings.DECLARED).strip())
                + "), while it leads ";
    }

    private static String watched(Function<String, String> setting) {
        String inbox = "inbox " + Path.of(setting.apply("gateway.inbox.dir")).toAbsolutePath().normalize();
        List<String> sources = Arrays.stream(setting.apply("gateway.sftp.sources").split(","))
                .map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> sftp(setting, name)).toList();
        return sources.isEmpty() ? inbox : inbox + " and " + String.join(", ", sources);
    }

    private static String sftp(Function<String, String> setting, String name) {
        String key = "gateway.sftp." + name + ".";
        String port = setting.apply(key + "port");
        String dir = setting.apply(key + "remote-dir");
        return "SFTP " + name + " (" + setting.apply(key + "host") + ":" + (port.isBlank() ? "22" : port)
                + (dir.isBlank() ? "" : " " + dir) + ")";
    }

    private static String lookup(Function<String, String> setting) {
        String type = setting.apply("gateway.lookup.type");
        return switch (type) {
            case "sandbox" -> "sandbox (register " + setting.apply("gateway.lookup.sandbox.optouts") + ")";
            case "http" -> "http " + withoutUserInfo(setting.apply("gateway.lookup.http.url"));
            case "mesh" -> "mesh (mailbox " + setting.apply("gateway.lookup.mesh.mailbox") + " at "
                    + withoutUserInfo(setting.apply("gateway.lookup.mesh.url")) + ")";
            default -> type;
        };
    }

    private static String mail(Function<String, String> setting) {
        return "smtp".equals(setting.apply("gateway.mail.transport"))
                ? "by SMTP to " + setting.apply("gateway.mail.smtp.host") + ":" + setting.apply("gateway.mail.smtp.port")
                : "to the pickup folder " + Path.of(setting.apply("gateway.mail.pickup-dir")).toAbsolutePath().normalize();
    }

    private static String withoutUserInfo(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String orOff(String url) {
        return url == null ? "off" : url;
    }
}

package org.ndoo.gateway.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.startup.StartupRefused;
import org.ndoo.gateway.web.TrustedProxies;
import org.ndoo.gateway.web.WebTls;

/**
 * Refuses to start with settings that could only fail later, one submission at a time: an unknown lookup type or
 * mail transport, a chunk size the lookup contract does not allow, a duration that does not parse, and any setting
 * of the chosen lookup (sandbox register, HTTP URL and token file) or mail transport (pickup folder, SMTP host,
 * port, security, timeout and password file) that cannot work, and a web front door sign-in mode that cannot work
 * (an unknown {@code gateway.web.auth}, {@code proxy-header} with no trusted proxy), and a clustered gateway
 * without a PostgreSQL {@code gateway.state.jdbc-url}, an SFTP source that cannot work, or with a
 * {@code gateway.state.password-file} it cannot read. Each refusal is one line naming the key. (Of the
 * MESH lookup's settings only {@code max-wait}, a duration, is checked here; the others by the mesh package.)
 */
public final class SettingsCheck {

    static final Set<String> LOOKUP_TYPES = Set.of("sandbox", "http", "mesh");
    static final Set<String> MAIL_TRANSPORTS = Set.of("pickup", "smtp");
    static final Set<String> SMTP_SECURITY = Set.of("starttls", "smtps", "none");
    static final Set<String> WEB_AUTH = Set.of("email-link", "proxy-header");
    /** An HTTP header name (RFC 9110 token). */
    private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    static final int MAX_CHUNK_SIZE = 100_000;
    /** The settings written as durations (30s, 5m, 24h, 2d; Camel's TimeUtils). */
    static final List<String> DURATIONS = List.of("gateway.retry.resubmit-first-delay",
            "gateway.retry.resubmit-max-delay", "gateway.retry.max-age");

    private final Function<String, String> setting;

    /** {@code setting} gives a key's value, empty when it is not set. */
    public SettingsCheck(Function<String, String> setting) {
        this.setting = key -> {
            String value = setting.apply(key);
            return value == null ? "" : value.strip();
        };
    }

    /** Throws a {@link StartupRefused} naming the first setting that cannot work. */
    public void check() {
        String lookup = oneOf("gateway.lookup.type", LOOKUP_TYPES);
        String transport = oneOf("gateway.mail.transport", MAIL_TRANSPORTS);
        number("gateway.lookup.chunk-size", 1, MAX_CHUNK_SIZE);
        DURATIONS.forEach(key -> duration(key, setting.apply(key)));
        switch (lookup) {
            case "sandbox" -> readableFile("gateway.lookup.sandbox.optouts", true);
            case "http" -> http();
            // mesh: the other MESH settings are the mesh package's own check
            default -> duration("gateway.lookup.mesh.max-wait", setting.apply("gateway.lookup.mesh.max-wait"));
        }
        if ("smtp".equals(transport)) {
            smtp();
        } else {
            required("gateway.mail.pickup-dir");
        }
        org.ndoo.gateway.web.WebSettings.check(setting);
        org.ndoo.gateway.state.StateSettings.check(setting);
        // read by the clustered state and by the MESH waits' database, whichever mode: named, it must be there
        readableFile(org.ndoo.gateway.state.StateSettings.PASSWORD_FILE, false);
        webAuth();
        webTls();
        serversApart();
        sftpSources();
    }

    /** Every SFTP source of {@code gateway.sftp.sources}, read as its routes will be (intake.SftpSource). */
    private void sftpSources() {
        try {
            org.ndoo.gateway.intake.SftpSource.configured(setting);
        } catch (IllegalArgumentException e) {
            throw new StartupRefused(e.getMessage());
        }
    }

    /**
     * The operators' pages never on the staff's server: with the same port Camel serves the management server's
     * pages (status, health, metrics) on the main server. Both 0 (free ports, tests) only on loopback.
     */
    private void serversApart() {
        String web = setting.apply("gateway.web.port");
        String observe = setting.apply("gateway.observe.port");
        if (!web.isEmpty() && web.equals(observe) && (!"0".equals(web) || !LoopbackHost.is(setting.apply("gateway.web.host")))) {
            throw new StartupRefused("gateway.observe.port " + observe + " must differ from gateway.web.port: the status"
                    + " page, health and metrics would be served on the web front door");
        }
    }

    /** A front door on anything but loopback serves HTTPS: a key store that opens with its password. */
    private void webTls() {
        String host = setting.apply("gateway.web.host");
        if (!WebTls.configured(setting)) {
            if (!LoopbackHost.is(host)) {
                throw new StartupRefused("gateway.web.host " + (host.isEmpty() ? "(empty: every address)" : host)
                        + " is not a loopback address: the web front door needs TLS there; set "
                        + WebTls.KEYSTORE_FILE + " (a PKCS12 key store) and " + WebTls.KEYSTORE_PASSWORD
                        + " (environment GATEWAY_WEB_TLS_KEYSTORE_PASSWORD or " + WebTls.KEYSTORE_PASSWORD_FILE + ")");
            }
            return;
        }
        readableFile(WebTls.KEYSTORE_FILE, true);
        readableFile(WebTls.KEYSTORE_PASSWORD_FILE, false);
        String password = WebTls.password(setting);
        if (password.isEmpty()) {
            throw new StartupRefused(WebTls.KEYSTORE_PASSWORD + " must be set (environment GATEWAY_WEB_TLS_KEYSTORE_PASSWORD"
                    + " or " + WebTls.KEYSTORE_PASSWORD_FILE + ") when " + WebTls.KEYSTORE_FILE + " is set");
        }
        try {
            WebTls.open(Paths.get(setting.apply(WebTls.KEYSTORE_FILE)), password);
        } catch (IllegalArgumentException e) {
            throw new StartupRefused(WebTls.KEYSTORE_FILE + " " + setting.apply(WebTls.KEYSTORE_FILE) + " "
                    + e.getMessage());
        }
    }

    private void webAuth() {
        if (!"proxy-header".equals(oneOf("gateway.web.auth", WEB_AUTH))) {
            return;
        }
        String header = setting.apply("gateway.web.proxy-header");
        if (!header.isEmpty() && !HEADER_NAME.matcher(header).matches()) {
            throw new StartupRefused("gateway.web.proxy-header must be an HTTP header name, not '" + header + "'");
        }
        String key = "gateway.web.trusted-proxies";
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(setting.apply(key));
        } catch (IllegalArgumentException e) {
            throw new StartupRefused(key + ": " + e.getMessage());
        }
        if (proxies.none()) {
            throw new StartupRefused(key + " must name the reverse proxies (IP addresses or CIDR ranges) when"
                    + " gateway.web.auth=proxy-header: with none, nobody could sign in");
        }
    }

    /**
     * {@code value} of the duration setting {@code key}, which must be positive: Camel's parser reads what it cannot
     * parse (an ISO {@code PT24H} too) as 0, and a 0 wait is never what an operator meant.
     */
    public static Duration duration(String key, String value) {
        Duration duration;
        try {
            duration = TimeUtils.toDuration(value.strip());
        } catch (RuntimeException e) {
            duration = Duration.ZERO;
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new StartupRefused(key + " must be a duration above 0 written like 500ms, 30s, 5m, 24h, 2d or 1h30m"
                    + " (not ISO PT24H), not '" + value.strip() + "'");
        }
        return duration;
    }

    private void http() {
        String key = "gateway.lookup.http.url";
        String url = required(key);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new StartupRefused(key + " is not a URL: '" + url + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new StartupRefused(key + " must be an http:// or https:// URL with a host and no login in it,"
                    + " not '" + (uri.getUserInfo() == null ? url : scheme + "://(login hidden)@" + uri.getHost()) + "'");
        }
        readableFile("gateway.lookup.http.token-file", false);
        number("gateway.lookup.http.connect-timeout", 1, Integer.MAX_VALUE);
        number("gateway.lookup.http.response-timeout", 1, Integer.MAX_VALUE);
    }

    private void smtp() {
        String host = required("gateway.mail.smtp.host");
        number("gateway.mail.smtp.port", 1, 65_535);
        String security = oneOf("gateway.mail.smtp.security", SMTP_SECURITY);
        if ("none".equals(security) && !LoopbackHost.is(host)) {
            throw new StartupRefused("gateway.mail.smtp.security=none is allowed only to a loopback host;"
                    + " gateway.mail.smtp.host " + host + " needs starttls or smtps");
        }
        number("gateway.mail.smtp.timeout", 1, Integer.MAX_VALUE);
        readableFile("gateway.mail.smtp.password-file", false);
    }

    private String oneOf(String key, Set<String> allowed) {
        String value = setting.apply(key).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new StartupRefused(key + " must be one of " + allowed.stream().sorted().toList() + ", not '"
                    + setting.apply(key) + "'");
        }
        return value;
    }

    private long number(String key, long min, long max) {
        String value = setting.apply(key);
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new StartupRefused(key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    private String required(String key) {
        String value = setting.apply(key);
        if (value.isEmpty()) {
            throw new StartupRefused(key + " must be set");
        }
        return value;
    }

    /** The file named by {@code key} is readable; an empty value is refused only when {@code required}. */
    private void readableFile(String key, boolean required) {
        String value = required ? required(key) : setting.apply(key);
        if (value.isEmpty()) {
            return;
        }
        Path file = Paths.get(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new StartupRefused(key + " " + value + " is not a file the gateway can read");
        }
    }
}

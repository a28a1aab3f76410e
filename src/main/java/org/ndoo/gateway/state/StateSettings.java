package org.ndoo.gateway.state;

import java.util.Locale;
import java.util.function.Function;

import org.ndoo.gateway.startup.StartupRefused;

/**
 * The settings of the shared state ({@code gateway.state.*}), checked at start-up (from settings.SettingsCheck, before
 * anything is made): when the gateway runs clustered its state must be in PostgreSQL, so
 * {@code gateway.state.jdbc-url} must then be a {@code jdbc:postgresql:} URL. Not clustered, nothing changes: the
 * URL may be empty (the embedded H2 file of the MESH waits) or any JDBC URL, as before.
 */
public final class StateSettings {

    public static final String JDBC_URL = "gateway.state.jdbc-url";
    public static final String USERNAME = "gateway.state.username";
    public static final String PASSWORD = "gateway.state.password";
    public static final String PASSWORD_FILE = "gateway.state.password-file";
    /** Camel's file-lock cluster service switch (the contract of issue 15; read by the cluster package too). */
    static final String CLUSTER_FILE_ENABLED = "camel.cluster.file.enabled";
    /** Another Camel cluster service, declared as a bean named clusterService by camel-main. */
    static final String CLUSTER_SERVICE_BEAN = "camel.beans.clusterService";
    static final String CLUSTER_NODE_ID = "camel.cluster.file.id";

    private StateSettings() {
    }

    /** Whether the gateway runs as one of several nodes (Camel's file-lock cluster service or a clusterService bean). */
    public static boolean clustered(Function<String, String> setting) {
        return "true".equalsIgnoreCase(value(setting, CLUSTER_FILE_ENABLED))
                || !value(setting, CLUSTER_SERVICE_BEAN).isEmpty();
    }

    /** Throws a {@link StartupRefused} naming {@value #JDBC_URL} when clustered without a PostgreSQL URL. */
    public static void check(Function<String, String> setting) {
        if (!clustered(setting)) {
            return;
        }
        String url = value(setting, JDBC_URL);
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new StartupRefused(JDBC_URL + " must be a jdbc:postgresql://host:port/database URL when the gateway"
                    + " runs clustered (" + CLUSTER_FILE_ENABLED + "=true): every node keeps its shared state there,"
                    + (url.isEmpty() ? " and it is empty" : " not '" + shown(url) + "'"));
        }
    }

    /** The URL as it may be shown: without its query, which might carry a password. */
    static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?(options hidden)";
    }

    static String value(Function<String, String> setting, String key) {
        String value = setting.apply(key);
        return value == null ? "" : value.strip();
    }
}

package org.ndoo.gateway.state;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.ndoo.gateway.startup.StartupRefused;

/**
 * The shared state database of a clustered gateway: a HikariCP pool on {@code gateway.state.jdbc-url} and its schema,
 * made and migrated by Flyway from {@code classpath:db/migration} when the pool opens (at start-up, before any route
 * starts). A database that cannot be reached or migrated refuses the start in one line naming the key. Its tables
 * hold references, submitter addresses, masked file names, counts, times and token hashes; only the MESH wait tables
 * hold NHS numbers (the permitted numbers of a submission waiting for its last chunk, deleted on delivery).
 */
public final class StateDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    private StateDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The pool on {@code url}, its schema migrated; a {@link StartupRefused} naming the key if either fails. */
    public static StateDatabase open(String url, String username, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-state");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StartupRefused(StateSettings.JDBC_URL + " " + StateSettings.shown(url)
                    + " cannot be reached as " + StateSettings.USERNAME + " '" + username + "': " + reason(e));
        }
        try {
            migrate(pool);
        } catch (FlywayException e) {
            pool.close();
            throw new StartupRefused("The database of " + StateSettings.JDBC_URL + " " + StateSettings.shown(url)
                    + " cannot be migrated to the gateway's schema: " + reason(e));
        }
        return new StateDatabase(pool);
    }

    /** Makes or migrates the schema of {@code dataSource}; nothing to do when it is up to date. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .failOnMissingLocations(true).load().migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The innermost message of the failure, on one line. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}

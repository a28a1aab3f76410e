package org.ndoo.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ndoo.gateway.state.StateDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared state databases for tests, on the test JVM's real PostgreSQL ({@link PostgresTestServer#shared()}): a fresh
 * database migrated by the gateway's own {@link StateDatabase}, and a scan of every table for NHS numbers.
 */
public final class StateDatabases {

    /** Ten digits in a run, or 3-3-4 with spaces or dashes: what an NHS number looks like. */
    private static final Pattern NHS_NUMBER = Pattern.compile("(?<!\\d)(\\d{10}|\\d{3}[ -]\\d{3}[ -]\\d{4})(?!\\d)");

    private StateDatabases() {
    }

    /** A new empty database {@code name}, opened and migrated as the gateway opens it. */
    public static StateDatabase fresh(String name) {
        PostgresTestServer server = PostgresTestServer.shared();
        return StateDatabase.open(server.createDatabase(name), server.username(), server.password());
    }

    /** The existing database {@code name}, opened (and its migrations run) again, as the gateway does at each start. */
    public static StateDatabase reopen(String name) {
        PostgresTestServer server = PostgresTestServer.shared();
        return StateDatabase.open(server.jdbcUrl(name), server.username(), server.password());
    }

    /** The gateway's settings of the database {@code name} (made empty first), clustered. */
    public static Map<String, String> clusteredSettings(String name) {
        PostgresTestServer server = PostgresTestServer.shared();
        return Map.of("camel.cluster.file.enabled", "true",
                "gateway.state.jdbc-url", server.createDatabase(name),
                "gateway.state.username", server.username(),
                "gateway.state.password", server.password());
    }

    /** A plain connection to the (existing) database {@code name}, to look at its tables as an operator would. */
    public static JdbcTemplate connect(String name) {
        PostgresTestServer server = PostgresTestServer.shared();
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                server.jdbcUrl(name), server.username(), server.password()));
    }

    /**
     * Every value of every table of {@code jdbc}'s database (but Flyway's history and those named in {@code except})
     * that looks like an NHS number, as {@code table.column: value}; BYTEA columns are read as escaped text.
     */
    public static List<String> nhsNumberLikeValues(JdbcTemplate jdbc, String... except) {
        List<String> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>(List.of(except));
        skipped.add("flyway_schema_history");
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, data_type"
                + " FROM information_schema.columns WHERE table_schema = 'public'");
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            if (skipped.contains(table)) {
                continue;
            }
            String column = (String) c.get("column_name");
            String asText = "bytea".equals(c.get("data_type"))
                    ? "encode(" + column + ", 'escape')" : column + "::text";
            for (String value : jdbc.queryForList("SELECT " + asText + " FROM " + table, String.class)) {
                if (value != null && NHS_NUMBER.matcher(value).find()) {
                    found.add(table + "." + column + ": (a value with an NHS number)");
                }
            }
        }
        return found;
    }

    /** The number of rows of {@code table}. */
    public static int rows(JdbcTemplate jdbc, String table) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
        return rows == null ? 0 : rows;
    }
}

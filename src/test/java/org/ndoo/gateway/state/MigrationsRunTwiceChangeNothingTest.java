package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.StateDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gateway makes its schema in an empty database at its first start (Flyway, from classpath:db/migration); at
 * every later start, on any node, the migrations find nothing to do and the data stays.
 */
class MigrationsRunTwiceChangeNothingTest {

    @Test
    void aSecondStartFindsTheSchemaUpToDateAndTheDataKept() {
        List<String> tables;
        List<Map<String, Object>> history;
        try (StateDatabase first = StateDatabases.fresh("migrations_twice")) {
            JdbcTemplate jdbc = new JdbcTemplate(first.dataSource());
            tables = tables(jdbc);
            assertTrue(tables.containsAll(List.of("mesh_waits", "mesh_waits_completed", "mesh_file_sequence",
                    "submissions_in_flight", "submissions_waiting", "submission_outcomes", "web_checks_received",
                    "retry_attempts", "web_sign_in_links", "web_sessions")), tables.toString());
            jdbc.update("INSERT INTO mesh_file_sequence (month, last_number) VALUES ('2612', 7)");
            history = jdbc.queryForList("SELECT version, checksum, success FROM flyway_schema_history");
        }
        try (StateDatabase second = StateDatabases.reopen("migrations_twice")) {
            JdbcTemplate jdbc = new JdbcTemplate(second.dataSource());
            assertEquals(0, Flyway.configure().dataSource(second.dataSource()).load().migrate().migrationsExecuted,
                    "nothing left to migrate");
            assertEquals(tables, tables(jdbc));
            assertEquals(history, jdbc.queryForList("SELECT version, checksum, success FROM flyway_schema_history"));
            assertEquals(7, jdbc.queryForObject("SELECT last_number FROM mesh_file_sequence", Integer.class));
        }
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " ORDER BY table_name", String.class);
    }
}

package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Http;
import org.ndoo.gateway.support.PrivacyEvidence;
import org.ndoo.gateway.support.StateDatabases;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real gateway, clustered (camel.cluster.file.enabled=true) on a real PostgreSQL: it makes its schema at start,
 * a dropped file (an NHS number in its name) is delivered, the status page shows its outcome from the shared
 * database, and afterwards no table holds anything that looks like an NHS number.
 */
class ClusteredGatewayKeepsNoNhsNumberInItsDatabaseTest extends GatewayTestSupport {

    private static final String DATABASE = "gateway_delivered";

    @Override
    protected void override(Properties properties) {
        properties.putAll(StateDatabases.clusteredSettings(DATABASE));
        properties.setProperty("camel.cluster.file.root", root.resolve("cluster").toString());
        properties.setProperty("camel.cluster.file.id", "node-a");
    }

    @Test
    void aDeliveredSubmissionLeavesItsOutcomeAndNoNhsNumber() throws IOException {
        List<String> numbers = SyntheticNhsNumbers.valid(100, 30);
        String named = "cohort " + numbers.get(0) + ".csv";
        Path input = drop(named, lines(numbers));

        awaitMail();
        awaitCleanedUp(input);

        JdbcTemplate jdbc = StateDatabases.connect(DATABASE);
        Map<String, Object> outcome = jdbc.queryForMap("SELECT outcome, file_name, rows_read, source"
                + " FROM submission_outcomes");
        assertEquals("delivered", outcome.get("outcome"));
        assertEquals(30L, outcome.get("rows_read"));
        assertEquals(0, StateDatabases.rows(jdbc, "submissions_in_flight"), "nothing left in flight");
        assertEquals(0, StateDatabases.rows(jdbc, "retry_attempts"), "nothing left to retry");

        String page = Http.get(statusUrl()).body();
        assertTrue(page.contains("cohort"), "the status page shows the outcome from the shared database");
        assertEquals(List.of(), StateDatabases.nhsNumberLikeValues(jdbc), "no table holds an NHS number");
        Path dump = Files.writeString(root.resolve("state-tables.txt"), String.join("\n",
                jdbc.queryForList("SELECT row_to_json(o)::text FROM submission_outcomes o", String.class)));
        PrivacyEvidence.copy("state-tables", dump);
    }
}

package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.state.StateDatabase;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.support.StateDatabases;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clustered, the MESH waits are in the shared PostgreSQL database (tables made by the migrations): a wait stored by
 * one node, with the permitted numbers of a chunk answered, is read by another node and by one started afresh; once
 * the submission is delivered (the wait removed and confirmed), no table holds an NHS number.
 */
class MeshWaitsOnTheSharedDatabaseAreSeenByEveryNodeTest {

    @Test
    void aWaitStoredByOneNodeIsCompletedByAnother() throws Exception {
        List<String> permitted = SyntheticNhsNumbers.valid(0, 3);
        Submission s = new Submission("NDOO-20261202-110000-MESHA", "shared-folder", Path.of("/inbox/a@nhs.net/l.csv"),
                "a@nhs.net", 100).trusted("a@nhs.net").inWorkFolder(Path.of("/work/NDOO-20261202-110000-MESHA"));
        MeshWaits waits = new MeshWaits(null, 100_000, 3_600_000);
        try (StateDatabase database = StateDatabases.fresh("mesh_waits_nodes");
                CamelContext context = new DefaultCamelContext()) {
            context.start();
            MeshWaitRepository a = MeshWaitRepository.shared(() -> context, database.dataSource(), 5000);
            MeshWaitRepository b = MeshWaitRepository.shared(() -> context, database.dataSource(), 5000);
            a.start();
            b.start();
            Exchange wait = new DefaultExchange(context);
            wait.getIn().setBody(waits.open(s, new Reading(3, 3, 0, 0, java.util.Map.of(), List.of(),
                    new NumberColumn(1, null)), List.of("MESSAGE-1", "MESSAGE-2")).withAnswer(1, permitted));
            a.add(context, s.getReference(), wait);

            assertTrue(b.isWaiting(s.getReference()), "the other node sees the wait");
            MeshWait seen = b.get(context, s.getReference()).getIn().getBody(MeshWait.class);
            assertEquals(2, seen.chunks());
            assertTrue(b.references().contains(s.getReference()));
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            assertFalse(StateDatabases.nhsNumberLikeValues(jdbc).isEmpty(),
                    "while it waits, the MESH wait holds its permitted numbers (and only the MESH wait tables may)");
            assertTrue(StateDatabases.nhsNumberLikeValues(jdbc, "mesh_waits", "mesh_waits_completed").isEmpty());

            MeshWaitRepository restarted = MeshWaitRepository.shared(() -> context, database.dataSource(), 5000);
            restarted.start();
            Exchange completed = restarted.get(context, s.getReference());
            restarted.remove(context, s.getReference(), completed);
            restarted.confirm(context, completed.getExchangeId());

            assertFalse(a.isWaiting(s.getReference()), "delivered on one node, no longer waiting on any");
            assertNull(a.get(context, s.getReference()));
            assertEquals(List.of(), StateDatabases.nhsNumberLikeValues(jdbc), "no NHS number left after delivery");
            a.stop();
            b.stop();
            restarted.stop();
        }
    }
}

package org.ndoo.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.StateDatabases;

/**
 * Clustered, the monthly sequence of MESH request file names is PostgreSQL's: two nodes numbering files at the same
 * time (a new leader while the old one still sends) never give the same number, and each month starts at 1.
 */
class MeshFileNumbersAreNeverGivenTwiceTest {

    private static StateDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = StateDatabases.fresh("mesh_sequence_nodes");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void twoNodesNumberingAtOnceGiveEachNumberOnce() throws Exception {
        PostgresMeshSequence a = new PostgresMeshSequence(database.dataSource());
        PostgresMeshSequence b = new PostgresMeshSequence(database.dataSource());
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Future<Integer>> numbers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PostgresMeshSequence node = i % 2 == 0 ? a : b;
            numbers.add(nodes.submit(() -> node.next("2612")));
        }
        Set<Integer> given = new TreeSet<>();
        for (Future<Integer> number : numbers) {
            given.add(number.get(30, TimeUnit.SECONDS));
        }
        nodes.shutdown();

        assertEquals(200, given.size(), "no number given twice");
        assertEquals(1, given.iterator().next());
        assertEquals(200, ((TreeSet<Integer>) given).last(), "none skipped");
        assertEquals(1, b.next("2701"), "a new month starts at 1");
        assertEquals(201, new PostgresMeshSequence(database.dataSource()).next("2612"), "a node started afresh goes on");
    }
}

package org.ndoo.gateway.state;

import javax.sql.DataSource;

import org.ndoo.gateway.mesh.MeshRequests;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly sequence of MESH request file names of a cluster, in the shared table {@code mesh_file_sequence}: each
 * number is given by one atomic statement, so two nodes (a new leader while the old one still sends) never give the
 * same number. A row per month rather than a PostgreSQL SEQUENCE, because the sequence starts again each month.
 */
public final class PostgresMeshSequence implements MeshRequests.FileSequence {

    private final JdbcTemplate jdbc;

    public PostgresMeshSequence(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public int next(String month) {
        Integer next = jdbc.queryForObject("INSERT INTO mesh_file_sequence (month, last_number) VALUES (?, 1)"
                + " ON CONFLICT (month) DO UPDATE SET last_number = mesh_file_sequence.last_number + 1"
                + " RETURNING last_number", Integer.class, month);
        return next == null ? 1 : next;
    }
}

package org.ndoo.gateway.state;

import javax.sql.DataSource;

/**
 * Where the gateway's state lives, as chosen at start-up by {@link StateBeans}: in this node's memory (and the
 * embedded H2 file of the MESH waits) when the gateway runs alone, or in the shared PostgreSQL database when it runs
 * clustered, so that every node sees the same and a node's death loses nothing. The *Beans classes ask it which
 * stores to make ({@link #clustered()}).
 */
public final class SharedState {

    /** The bean's name in the registry. */
    public static final String BEAN = "sharedState";

    private final StateDatabase database;
    private final String nodeId;

    private SharedState(StateDatabase database, String nodeId) {
        this.database = database;
        this.nodeId = nodeId;
    }

    /** A gateway running alone: every store in memory, as before. */
    public static SharedState single() {
        return new SharedState(null, "");
    }

    /** A node of a cluster, its state in {@code database}. */
    public static SharedState clustered(StateDatabase database, String nodeId) {
        return new SharedState(database, nodeId);
    }

    public boolean clustered() {
        return database != null;
    }

    /** The shared database's pool; only when {@link #clustered()}. */
    public DataSource dataSource() {
        if (database == null) {
            throw new IllegalStateException("The gateway runs alone: there is no shared state database");
        }
        return database.dataSource();
    }

    /** This node's id (camel.cluster.file.id), shown beside the submissions it holds; empty when alone. */
    public String nodeId() {
        return nodeId;
    }

    /** Closes the database's connections, if any. */
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}

package org.ndoo.gateway.mesh;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.ndoo.gateway.submission.WaitingSubmissions;
import org.ndoo.gateway.submission.WorkArea;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where the submissions waiting for MESH replies are kept: Camel's {@link JdbcAggregationRepository} on the
 * database of {@code gateway.state.jdbc-url} (by default an embedded H2 file under the work directory; PostgreSQL
 * works too). Its two tables are created at start if missing, with DDL that H2 and PostgreSQL both accept; on the
 * shared state database of a cluster ({@link #shared}) they are the Flyway migrations' instead. Only the gateway's own
 * records ({@link MeshWait}) and Java's are read back.
 */
public final class MeshWaitRepository extends JdbcAggregationRepository implements WaitingSubmissions {

    /** The table of open waits; completed waits not yet delivered are in {@code mesh_waits_completed}. */
    public static final String TABLE = "mesh_waits";

    /**
     * H2 writes each commit to its file at once (by default it may hold commits for up to half a second): a wait or
     * a reply acknowledged on MESH must survive the gateway being killed right after.
     */
    static final String DURABLE = ";WRITE_DELAY=0";

    private final Supplier<CamelContext> context;
    private final boolean createsTables;

    public MeshWaitRepository(Supplier<CamelContext> context, DataSource dataSource, long recoveryIntervalMillis) {
        this(context, dataSource, recoveryIntervalMillis, true);
    }

    private MeshWaitRepository(Supplier<CamelContext> context, DataSource dataSource, long recoveryIntervalMillis,
            boolean createsTables) {
        super(new DataSourceTransactionManager(dataSource), TABLE, dataSource);
        this.context = context;
        this.createsTables = createsTables;
        setDeserializationFilter("java.**;org.apache.camel.**;org.ndoo.gateway.**;!*");
        setUseRecovery(true);
        setRecoveryInterval(recoveryIntervalMillis);
    }

    /**
     * The repository on {@code url}; empty: the embedded H2 file {@code <workDir>/state/mesh-waits}. Recovery (of a
     * completed wait whose delivery failed) every {@code recoveryIntervalMillis}.
     */
    public static MeshWaitRepository create(Supplier<CamelContext> context, String url, String username,
            String password, String workDir, long recoveryIntervalMillis) {
        String jdbcUrl = url == null || url.isBlank()
                ? "jdbc:h2:file:" + Path.of(workDir, WorkArea.STATE_DIR, "mesh-waits") + DURABLE : url.strip();
        return new MeshWaitRepository(context, dataSource(jdbcUrl, username == null ? "" : username.strip(),
                password), recoveryIntervalMillis);
    }

    /** The repository on the shared state database of a cluster, whose tables the migrations made. */
    public static MeshWaitRepository shared(Supplier<CamelContext> context, DataSource dataSource,
            long recoveryIntervalMillis) {
        return new MeshWaitRepository(context, dataSource, recoveryIntervalMillis, false);
    }

    /** Closes the database connections (of a repository used once, at start-up). */
    public void close() {
        stop();
        if (getDataSource() instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }

    /** The data source of {@code url}: a connection pool for H2 (a relative file path is taken from the current folder). */
    public static DataSource dataSource(String url, String username, String password) {
        String h2File = "jdbc:h2:file:";
        if (url.startsWith(h2File)) {
            String rest = url.substring(h2File.length());
            int options = rest.indexOf(';');
            String file = options < 0 ? rest : rest.substring(0, options);
            String absolute = Path.of(file).toAbsolutePath().normalize().toString();
            return JdbcConnectionPool.create(h2File + absolute + (options < 0 ? "" : rest.substring(options)),
                    username, password);
        }
        return new DriverManagerDataSource(url, username, password);
    }

    @Override
    protected void doStart() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(getDataSource());
        for (String table : createsTables ? new String[] { TABLE, TABLE + "_completed" } : new String[0]) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(255) NOT NULL PRIMARY KEY,"
                    + " exchange BYTEA NOT NULL, version BIGINT NOT NULL)");
        }
        super.doStart();
    }

    /** Whether the submission {@code reference} waits for replies (its wait is open). */
    public boolean isWaiting(String reference) {
        Integer open = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE id = ?", Integer.class,
                reference);
        return open != null && open > 0;
    }

    /** The references of every submission waiting: for replies, or (completed) for its result to be delivered. */
    @Override
    public synchronized Set<String> references() {
        start();
        Set<String> references = new HashSet<>(getKeys());
        for (String exchangeId : scan(context.get())) {
            Exchange completed = recover(context.get(), exchangeId);
            if (completed != null && completed.getIn().getBody() instanceof MeshWait wait) {
                references.add(wait.reference());
            }
        }
        return references;
    }
}

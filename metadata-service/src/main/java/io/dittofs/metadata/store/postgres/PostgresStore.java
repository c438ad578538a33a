package io.dittofs.metadata.store.postgres;

import io.dittofs.contracts.grpc.NonBlocking;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.StoreException;
import io.dittofs.metadata.spi.StoreTx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL backend: its own HikariCP pool and its own Flyway history in its own schema, so it
 * never touches the Spring DataSource of the process it runs in. Every operation is one
 * transaction (see {@link #begin}), run again if PostgreSQL reports a serialization failure or
 * deadlock. Writers are not serialised by any lock of ours: SERIALIZABLE isolation makes
 * concurrent operations behave as if run one after the other, and PostgreSQL shares one WAL
 * flush among the transactions committing at the same time (its own group commit).
 */
public final class PostgresStore implements MetadataStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresStore.class);
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int MAX_ATTEMPTS = 50;
    public static final String HISTORY_TABLE = "dittofs_metadata_schema_history";

    private final HikariDataSource pool;
    private final String schema;

    /** Deferred commits so far, and how many of them a sync has covered. */
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong deferredSynced = new AtomicLong();

    private enum Mode { READ, WRITE, WRITE_DEFERRED }

    private PostgresStore(HikariDataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
    }

    /** Opens the pool and migrates the schema (creating it if needed). */
    public static PostgresStore open(String url, String username, String password, String schema, int poolSize) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("dittofs.metadata.postgres.schema must match " + SCHEMA + " (got '" + schema + "')");
        }
        Flyway.configure()
                .dataSource(url, username, password)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration/metadata")
                .load()
                .migrate();
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(username);
        cfg.setPassword(password);
        // pgjdbc sets search_path at connection start-up, outside any transaction
        cfg.addDataSourceProperty("currentSchema", schema);
        cfg.setMaximumPoolSize(poolSize);
        cfg.setAutoCommit(false);
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        cfg.setPoolName("dittofs-metadata");
        log.info("PostgreSQL metadata store at {} schema {}", url, schema);
        return new PostgresStore(new HikariDataSource(cfg), schema);
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        return run(work, Mode.READ);
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        return run(work, Mode.WRITE);
    }

    /** Commits with synchronous_commit off: visible at once, on disk within PostgreSQL's WAL writer delay. */
    @Override
    public <T> T writeDeferred(Function<StoreTx, T> work) {
        T result = run(work, Mode.WRITE_DEFERRED);
        deferred.incrementAndGet();
        return result;
    }

    /**
     * A transaction with an id commits synchronously, i.e. waits until the WAL is flushed up to its
     * commit record, which lies after every earlier asynchronous commit: so all of them are durable.
     */
    @Override
    public void sync() {
        long upTo = deferred.get();
        if (deferredSynced.get() >= upTo) {
            return; // nothing deferred since the last sync (durable writes never need one)
        }
        run(tx -> {
            ((PgTx) tx).assignTransactionId();
            return null;
        }, Mode.WRITE);
        deferredSynced.accumulateAndGet(upTo, Math::max);
    }

    private <T> T run(Function<StoreTx, T> work, Mode mode) {
        if (NonBlocking.active()) {
            // every answer is a round trip to the database: never on a thread that must not wait
            throw NonBlocking.wouldBlock("postgres store");
        }
        boolean readOnly = mode == Mode.READ;
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                try {
                    begin(c, mode);
                    T result = work.apply(new PgTx(c, readOnly));
                    c.commit();
                    return result;
                } catch (PgTx.SqlFailure e) {
                    c.rollback();
                    if (!retryable(e.getCause()) || attempt >= MAX_ATTEMPTS) {
                        throw new StoreException("PostgreSQL operation failed: " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (SQLException e) {
                    c.rollback();
                    if (!retryable(e) || attempt >= MAX_ATTEMPTS) {
                        throw new StoreException("PostgreSQL commit failed: " + e.getMessage(), e);
                    }
                } catch (RuntimeException | Error e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("PostgreSQL connection failed: " + e.getMessage(), e);
            }
            backoff(attempt);
        }
    }

    /**
     * Writers run SERIALIZABLE: the namespace reads, checks, then writes several rows (rename
     * touches two directories, the moved inode and a replaced one; the loop check walks the parent
     * chain), and PostgreSQL aborts one of two transactions whose interleaving no serial order
     * explains (SQLSTATE 40001), which {@link #run} runs again. Unique keys turn two concurrent
     * creates of one name into such a failure too. Readers take a REPEATABLE READ snapshot so a
     * listing never sees half an operation.
     */
    private void begin(Connection c, Mode mode) throws SQLException {
        try (var st = c.createStatement()) {
            switch (mode) {
                case READ -> st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                case WRITE -> st.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                case WRITE_DEFERRED -> {
                    st.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                    st.execute("SET LOCAL synchronous_commit TO OFF");
                }
            }
        }
    }

    /**
     * 40001 and 40P01, and 23505 (unique_violation): a key derived from a row another transaction
     * changed (a directory's next cookie) collides with that transaction's insert, and PostgreSQL
     * reports the index conflict before serializable validation would report 40001 (it does so
     * only for keys the transaction itself read). Run again, the operation reads the committed
     * state: the name answers EXIST, the counter gives a new cookie.
     */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 20)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a serialization failure", ie);
        }
    }

    public String schema() {
        return schema;
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public void close() {
        pool.close();
    }
}

package io.dittofs.lock.store.postgres;

import com.google.protobuf.ByteString;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dittofs.lock.spi.Kind;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.spi.Mutation;
import io.dittofs.lock.spi.StoreException;
import io.dittofs.lock.spi.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL backend: its own HikariCP pool and Flyway history in its own schema. Each batch is
 * one transaction (upserts and deletes). The lock table serialises batches, so there are no
 * write-write conflicts to retry.
 */
public final class PostgresLockStore implements LockStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresLockStore.class);
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    public static final String HISTORY_TABLE = "dittofs_lock_schema_history";

    private final HikariDataSource pool;

    private PostgresLockStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool and migrates the schema (creating it if needed). */
    public static PostgresLockStore open(String url, String username, String password, String schema, int poolSize) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("dittofs.lock.postgres.schema must match " + SCHEMA + " (got '" + schema + "')");
        }
        try {
            Flyway.configure().dataSource(url, username, password).schemas(schema).defaultSchema(schema)
                    .createSchemas(true).table(HISTORY_TABLE).locations("classpath:db/migration/lock").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot prepare the PostgreSQL lock store at " + url + " schema " + schema
                    + " (check dittofs.lock.postgres.url/username/password): " + e.getMessage(), e);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(username);
        cfg.setPassword(password);
        cfg.addDataSourceProperty("currentSchema", schema);
        cfg.setMaximumPoolSize(poolSize);
        cfg.setAutoCommit(false);
        cfg.setPoolName("dittofs-lock");
        log.info("PostgreSQL lock store at {} schema {}", url, schema);
        return new PostgresLockStore(new HikariDataSource(cfg));
    }

    @Override
    public void apply(List<Mutation> batch) {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement put = c.prepareStatement(
                    "INSERT INTO lock_record (kind, id, value) VALUES (?, ?, ?) "
                            + "ON CONFLICT (kind, id) DO UPDATE SET value = EXCLUDED.value");
                 PreparedStatement del = c.prepareStatement("DELETE FROM lock_record WHERE kind = ? AND id = ?")) {
                PreparedStatement pending = null;
                for (Mutation m : batch) {
                    PreparedStatement s = m.isDelete() ? del : put;
                    if (pending != null && pending != s) {
                        pending.executeBatch(); // keep the batch's order between puts and deletes
                    }
                    pending = s;
                    s.setString(1, String.valueOf(m.kind().code()));
                    s.setBytes(2, m.id().toByteArray());
                    if (!m.isDelete()) {
                        s.setBytes(3, m.value());
                    }
                    s.addBatch();
                }
                if (pending != null) {
                    pending.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("PostgreSQL lock store write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredRecord> loadAll() {
        List<StoredRecord> out = new ArrayList<>();
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, id, value FROM lock_record");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(1);
                out.add(new StoredRecord(Kind.of(kind.isEmpty() ? '?' : kind.charAt(0)),
                        ByteString.copyFrom(rs.getBytes(2)), rs.getBytes(3)));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("PostgreSQL lock store read failed: " + e.getMessage(), e);
        }
        return out;
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

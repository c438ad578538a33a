package io.dittofs.lock.storetest;

import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.store.postgres.PostgresLockStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The suite against the real PostgreSQL on 127.0.0.1:5432 (database "test", user postgres, trust
 * auth), each test in a schema of its own that is dropped afterwards. An unreachable server fails
 * the run: it is never skipped.
 */
class PostgresLockStoreTest extends LockStoreConformance {

    static final String URL = System.getProperty("dittofs.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = "postgres";

    private final String schema = "lk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @Override
    protected LockStore openStore() {
        return PostgresLockStore.open(URL, USER, "", schema, 4);
    }

    @Override
    protected LockStore reopenStore() {
        return PostgresLockStore.open(URL, USER, "", schema, 4);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

package io.dittofs.metadata.storetest;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.postgres.PostgresStore;
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
class PostgresStoreTest extends MetadataStoreConformance {

    static final String URL = System.getProperty("dittofs.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = "postgres";

    private String schema;

    @Override
    protected MetadataStore openStore() {
        schema = "md_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return PostgresStore.open(URL, USER, "", schema, 8);
    }

    @Override
    protected MetadataStore reopenStore() {
        return PostgresStore.open(URL, USER, "", schema, 8);
    }

    @org.junit.jupiter.api.Test
    void restartKeepsHandlesAndContent() throws Exception {
        checkRestartKeepsEverything();
    }

    @org.junit.jupiter.api.Test
    void unreachableDatabaseAnswersDelay() {
        var f = fs.mustFile(Ids.ROOT, root, "f");
        store.close(); // the pool is gone: every call now fails in the store, not in the rules
        org.assertj.core.api.Assertions.assertThat(fs.getattr(Ids.ROOT, f).getStatus())
                .isEqualTo(io.dittofs.contracts.common.v1.Status.DELAY);
        org.assertj.core.api.Assertions.assertThat(fs.file(Ids.ROOT, root, "g").getStatus())
                .isEqualTo(io.dittofs.contracts.common.v1.Status.DELAY);
    }

    @Override
    protected int bigDirectoryEntries() {
        // each create is one committed transaction of ~8 statements (~3 ms here, commit fsync included);
        // 10k keep the module run short, memory and RocksDB list 100k
        return 10_000;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

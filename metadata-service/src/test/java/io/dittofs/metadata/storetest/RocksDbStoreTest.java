package io.dittofs.metadata.storetest;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStoreTest extends MetadataStoreConformance {

    @TempDir
    Path dir;

    @Override
    protected MetadataStore openStore() {
        // no fsync per commit here: the suite checks semantics and process-restart durability
        // (WAL replay), not power loss, and 100k fsyncs would dominate the run
        return new RocksDbStore(dir.resolve("db"), false);
    }

    @Override
    protected MetadataStore reopenStore() {
        return new RocksDbStore(dir.resolve("db"), false);
    }

    @org.junit.jupiter.api.Test
    void restartKeepsHandlesAndContent() throws Exception {
        checkRestartKeepsEverything();
    }

    @Override
    protected int bigDirectoryEntries() {
        return 100_000;
    }
}

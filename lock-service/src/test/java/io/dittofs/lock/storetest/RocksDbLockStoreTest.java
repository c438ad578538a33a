package io.dittofs.lock.storetest;

import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.store.rocksdb.RocksDbLockStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbLockStoreTest extends LockStoreConformance {

    @TempDir
    Path dir;

    @Override
    protected LockStore openStore() {
        return new RocksDbLockStore(dir.resolve("lock"), false);
    }

    @Override
    protected LockStore reopenStore() {
        return new RocksDbLockStore(dir.resolve("lock"), false);
    }
}

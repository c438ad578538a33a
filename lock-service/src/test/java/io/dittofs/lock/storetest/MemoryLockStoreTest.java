package io.dittofs.lock.storetest;

import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.store.memory.MemoryLockStore;

class MemoryLockStoreTest extends LockStoreConformance {
    @Override
    protected LockStore openStore() {
        return new MemoryLockStore();
    }

    @Override
    protected LockStore reopenStore() {
        return null;
    }
}

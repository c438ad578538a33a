package io.dittofs.block.storetest;

import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;

class MemoryLocalStoreTest extends LocalStoreConformance {

    @Override
    protected LocalStore open(long quotaBytes) {
        return new MemoryLocalStore(quotaBytes);
    }
}

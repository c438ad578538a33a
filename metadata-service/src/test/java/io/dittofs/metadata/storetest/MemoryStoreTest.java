package io.dittofs.metadata.storetest;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.memory.MemoryStore;

class MemoryStoreTest extends MetadataStoreConformance {

    @Override
    protected MetadataStore openStore() {
        return new MemoryStore();
    }

    @Override
    protected int bigDirectoryEntries() {
        return 100_000;
    }
}

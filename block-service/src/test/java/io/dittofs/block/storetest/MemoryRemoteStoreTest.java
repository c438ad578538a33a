package io.dittofs.block.storetest;

import io.dittofs.block.remote.RemoteStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;

class MemoryRemoteStoreTest extends RemoteStoreConformance {

    @Override
    protected RemoteStore open() {
        return new MemoryRemoteStore();
    }
}

package io.dittofs.block.storetest;

import io.dittofs.block.remote.RemoteStore;
import io.dittofs.block.remote.fs.FsRemoteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FsRemoteStoreTest extends RemoteStoreConformance {

    @TempDir
    Path dir;

    @Override
    protected RemoteStore open() throws Exception {
        return new FsRemoteStore(dir);
    }
}

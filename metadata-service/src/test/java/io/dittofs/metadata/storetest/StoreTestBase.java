package io.dittofs.metadata.storetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.spi.MetadataStore;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the real MetadataGrpcService over the store under test, reached through the generated
 * blocking stub on the in-process transport. Subclasses say how to open (and reopen) the store.
 */
public abstract class StoreTestBase {

    protected MetadataStore store;
    /** Stands in for the block-service: the whole suite runs with the content outbox on. */
    protected final RecordingReleaser content = new RecordingReleaser();
    protected MetadataCore core;
    protected Fs fs;
    protected FileHandle root;
    private Server server;
    private ManagedChannel channel;

    /** A fresh, empty store. */
    protected abstract MetadataStore openStore();

    /** The same store again after close() (a restart); null for stores that keep nothing. */
    protected MetadataStore reopenStore() {
        return null;
    }

    /** How many entries the big-directory test creates (bounded for slow backends). */
    protected abstract int bigDirectoryEntries();

    @BeforeEach
    void startService() throws IOException {
        store = openStore();
        serve(store);
        root = fs.root("export").getHandle();
    }

    protected void serve(MetadataStore s) throws IOException {
        String name = "storetest-" + UUID.randomUUID();
        // the drain loop is not started: tests drive it with drainOnce() so they are deterministic
        core = new MetadataCore(s, CoreSettings.defaults(), content, java.time.Duration.ofSeconds(1));
        MetadataGrpcService service = new MetadataGrpcService(core);
        server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        fs = new Fs(MetadataServiceGrpc.newBlockingStub(channel));
    }

    protected void stopServing() {
        if (core != null) {
            core.close();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @AfterEach
    void stopService() {
        stopServing();
        if (store != null) {
            store.close();
        }
    }

    /** A directory everybody may write into (mode given), owned by root. */
    protected FileHandle openDir(String name, int mode) {
        FileHandle h = fs.mustDir(Ids.ROOT, root, name);
        assertThat(fs.setattr(Ids.ROOT, h, SetAttrs.newBuilder().setMode(mode).build()).getStatus()).isEqualTo(Status.OK);
        return h;
    }
}

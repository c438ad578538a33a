package io.dittofs.metadata.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.FileHandles;
import io.dittofs.contracts.Identities;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.metadata.v1.*;
import io.dittofs.metadata.MetadataServiceApplication;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real standalone application (Spring context, RocksDB store, GrpcServerHost) on a free
 * loopback port, called through the generated blocking stub over TCP.
 */
class MetadataServiceContractTest {

    private static final Identity ROOT = Identities.root();
    private static final Identity ALICE = Identities.user(1000, 1000);

    @TempDir
    Path data;

    private io.dittofs.service.StandaloneServer running;
    private ManagedChannel channel;
    private MetadataServiceGrpc.MetadataServiceBlockingStub stub;

    @BeforeEach
    void start() {
        running = MetadataServiceApplication.start("--dittofs.data-dir=" + data, "--dittofs.metadata.grpc.listen=127.0.0.1:0");
        channel = ServiceChannels.open("127.0.0.1:" + running.server().port());
        stub = MetadataServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        running.close();
    }

    @Test
    void namespaceOverTcp() {
        assertThat(running.server().port()).isPositive();
        GetRootResponse root = stub.getRoot(GetRootRequest.newBuilder().setIdentity(ROOT).setShare("export").build());
        assertThat(root.getStatus()).isEqualTo(Status.OK);
        assertThat(FileHandles.shareId(root.getHandle())).isEqualTo(root.getShareId());
        FileHandle r = root.getHandle();

        CreateResponse dir = stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(r).setName("pub")
                .setType(FileType.DIRECTORY).setAttrs(SetAttrs.newBuilder().setMode(0777)).build());
        assertThat(dir.getStatus()).isEqualTo(Status.OK);
        assertThat(dir.getAttr().getMode()).isEqualTo(0777);
        assertThat(dir.getDirWcc().getAfter().getNlink()).isEqualTo(3);

        CreateResponse file = stub.create(CreateRequest.newBuilder().setIdentity(ALICE).setDir(dir.getHandle())
                .setName("notes.txt").setType(FileType.REGULAR).build());
        assertThat(file.getStatus()).isEqualTo(Status.OK);
        assertThat(file.getAttr().getUid()).isEqualTo(1000);
        assertThat(file.getAttr().getPayloadId().getValue().size()).isEqualTo(16);

        RecordWriteResponse w = stub.recordWrite(RecordWriteRequest.newBuilder().setIdentity(ALICE)
                .setHandle(file.getHandle()).setOffset(0).setLength(12345).build());
        assertThat(w.getStatus()).isEqualTo(Status.OK);
        assertThat(w.getWcc().getAfter().getSize()).isEqualTo(12345);

        LookupResponse l = stub.lookup(LookupRequest.newBuilder().setIdentity(ALICE).setDir(dir.getHandle())
                .setName("notes.txt").build());
        assertThat(l.getHandle()).isEqualTo(file.getHandle());
        assertThat(l.getAttr().getSize()).isEqualTo(12345);

        ReadDirResponse list = stub.readDir(ReadDirRequest.newBuilder().setIdentity(ALICE).setDir(dir.getHandle())
                .setWithAttrs(true).setIncludeDotEntries(true).setMaxEntries(10).build());
        assertThat(list.getEntriesList()).extracting(DirEntry::getName).containsExactly(".", "..", "notes.txt");
        assertThat(list.getEntries(2).getAttr().getSize()).isEqualTo(12345);
        assertThat(list.getEof()).isTrue();

        assertThat(stub.create(CreateRequest.newBuilder().setIdentity(ALICE).setDir(r).setName("x")
                .setType(FileType.REGULAR).build()).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(stub.lookup(LookupRequest.newBuilder().setIdentity(ALICE).setDir(r).setName("a/b").build())
                .getStatus()).isEqualTo(Status.INVALID_NAME);
        assertThat(stub.getAttr(GetAttrRequest.newBuilder().setIdentity(ALICE)
                .setHandle(FileHandle.newBuilder().setValue(ByteString.copyFrom(new byte[29]))).build()).getStatus())
                .isEqualTo(Status.BADHANDLE);

        RemoveResponse rm = stub.remove(RemoveRequest.newBuilder().setIdentity(ALICE).setDir(dir.getHandle())
                .setName("notes.txt").setKind(RemoveKind.REMOVE_NON_DIR).build());
        assertThat(rm.getStatus()).isEqualTo(Status.OK);
        assertThat(rm.getReleased().getPayloadId()).isEqualTo(file.getAttr().getPayloadId());
        assertThat(stub.getAttr(GetAttrRequest.newBuilder().setIdentity(ALICE).setHandle(file.getHandle()).build())
                .getStatus()).isEqualTo(Status.STALE);
    }

    @Test
    void handlesSurviveARestartOfTheService() throws InterruptedException {
        FileHandle r = stub.getRoot(GetRootRequest.newBuilder().setIdentity(ROOT).setShare("export").build()).getHandle();
        CreateResponse f = stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(r).setName("keep")
                .setType(FileType.REGULAR).build());
        stop();
        start();
        GetAttrResponse again = stub.getAttr(GetAttrRequest.newBuilder().setIdentity(ROOT).setHandle(f.getHandle()).build());
        assertThat(again.getStatus()).isEqualTo(Status.OK);
        assertThat(again.getAttr()).isEqualTo(f.getAttr());
    }
}

package io.dittofs.gateway.fs.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.identity.Principal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade's open-based I/O and cross-service rules against the real services. */
class GrpcFileSystemTest {

    static final Principal ALICE = new Principal(1000, 1000, List.of(), false, "127.0.0.1");
    static final Principal BOB = new Principal(2000, 2000, List.of(), false, "127.0.0.1");

    GatewayFixture fixture;
    FileSystem fs;
    Handle root;

    @BeforeEach
    void start() throws Exception {
        fixture = new GatewayFixture(List.of());
        fs = fixture.fs;
        root = fs.root(Principal.root(), "t").handle();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Handle create(String name, int mode) {
        var r = fs.create(ALICE, root, name, CreateSpec.regular(CreateMode.GUARDED,
                new SetAttrs(mode, null, null, null, null, null), new byte[0]));
        assertThat(r.status()).isEqualTo(FsStatus.OK);
        return r.handle();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void openChecksAccessOnceAndIoGoesThroughTheOpen() {
        Handle h = create("f", 0644);
        var w = fs.open(ALICE, h, AccessMode.READ_WRITE);
        assertThat(w.status()).isEqualTo(FsStatus.OK);
        assertThat(w.file().content()).as("the open carries the content id").isNotNull();
        var written = fs.write(w.file(), 0, bytes("abcdef"), Stability.FILE_SYNC);
        assertThat(written.status()).isEqualTo(FsStatus.OK);
        assertThat(written.wcc().after().size()).isEqualTo(6);
        var r = fs.open(ALICE, h, AccessMode.READ);
        var read = fs.read(r.file(), 2, 10);
        assertThat(read.status()).isEqualTo(FsStatus.OK);
        assertThat(StandardCharsets.UTF_8.decode(read.data()).toString()).isEqualTo("cdef");
        assertThat(read.eof()).isTrue();
    }

    @Test
    void anOpenGrantsOnlyWhatWasAskedAndChecked() {
        Handle h = create("ro", 0644);
        assertThat(fs.open(BOB, h, AccessMode.WRITE).status()).as("bob may not write a 0644 file of alice").isEqualTo(FsStatus.ACCESS);
        var readOnly = fs.open(BOB, h, AccessMode.READ);
        assertThat(readOnly.status()).isEqualTo(FsStatus.OK);
        assertThat(fs.write(readOnly.file(), 0, bytes("x"), Stability.FILE_SYNC).status()).isEqualTo(FsStatus.ACCESS);
        var none = fs.open(ALICE, h, AccessMode.NONE);
        assertThat(fs.read(none.file(), 0, 1).status()).isEqualTo(FsStatus.ACCESS);
    }

    @Test
    void anOwnerWhoOpenedForWriteKeepsWritingAfterChmod() {
        Handle h = create("kept", 0644);
        var open = fs.open(ALICE, h, AccessMode.WRITE);
        assertThat(open.status()).isEqualTo(FsStatus.OK);
        assertThat(fs.setAttr(ALICE, h, new SetAttrs(0444, null, null, null, null, null), null).status()).isEqualTo(FsStatus.OK);
        assertThat(fs.write(open.file(), 0, bytes("yes"), Stability.FILE_SYNC).status())
                .as("write(2) on a descriptor opened for writing works whatever the mode became").isEqualTo(FsStatus.OK);
    }

    @Test
    void birthTimeAndDosAttributesAreKeptByTheNamespace() {
        Handle h = create("dos", 0644);
        var born = new io.dittofs.gateway.fs.model.Time(1_234_567_890L, 5);
        var set = new SetAttrs(null, null, null, null, null, null,
                new io.dittofs.gateway.fs.model.SetTime.ClientTime(born), 0x22);
        assertThat(fs.setAttr(ALICE, h, set, null).status()).isEqualTo(FsStatus.OK);
        var a = fs.getAttr(ALICE, h).attr();
        assertThat(a.btime()).isEqualTo(born);
        assertThat(a.dosAttributes()).isEqualTo(0x22);
        assertThat(fs.setAttr(BOB, h, new SetAttrs(null, null, null, null, null, null, null, 0), null).status())
                .as("only the owner sets DOS attributes").isNotEqualTo(FsStatus.OK);
    }

    @Test
    void removeOfTheLastLinkReleasesTheContent() {
        Handle h = create("gone", 0644);
        fs.write(ALICE, h, 0, bytes("data"), Stability.FILE_SYNC);
        var open = fs.open(ALICE, h, AccessMode.READ);
        assertThat(fs.remove(ALICE, root, "gone", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        var after = fs.read(open.file(), 0, 4);
        assertThat(after.status().ok() && after.data().remaining() == 4 && after.data().get(0) == 'd')
                .as("the released content no longer holds the old bytes").isFalse();
    }

    @Test
    void aStatelessReadWithAKnownContentIdStillAsksThePermissionEveryTime() {
        Handle h = create("secret", 0600);
        assertThat(fs.write(ALICE, h, 0, bytes("secret"), Stability.FILE_SYNC).status()).isEqualTo(FsStatus.OK);
        var mine = fs.read(ALICE, h, 0, 100);
        assertThat(StandardCharsets.UTF_8.decode(mine.data()).toString()).isEqualTo("secret");
        var theirs = fs.read(BOB, h, 0, 100);
        assertThat(theirs.status()).as("the read ran alongside the check; its bytes are dropped").isEqualTo(FsStatus.ACCESS);
        assertThat(theirs.data().remaining()).isZero();
        assertThat(fs.setAttr(ALICE, h, new SetAttrs(0644, null, null, null, null, null), null).status()).isEqualTo(FsStatus.OK);
        assertThat(StandardCharsets.UTF_8.decode(fs.read(BOB, h, 1, 3).data()).toString()).isEqualTo("ecr");
    }

    @Test
    void aStatelessReadIsBoundedByTheSizeTheNamespaceReportsNow() {
        Handle h = create("cut", 0644);
        fs.write(ALICE, h, 0, bytes("abcdef"), Stability.FILE_SYNC);
        assertThat(fs.read(ALICE, h, 0, 100).data().remaining()).isEqualTo(6);
        assertThat(fs.setAttr(ALICE, h, new SetAttrs(null, null, null, 3L, null, null), null).status()).isEqualTo(FsStatus.OK);
        var r = fs.read(ALICE, h, 0, 100);
        assertThat(StandardCharsets.UTF_8.decode(r.data()).toString()).isEqualTo("abc");
        assertThat(r.eof()).isTrue();
        assertThat(fs.setAttr(ALICE, h, new SetAttrs(null, null, null, 5L, null, null), null).status()).isEqualTo(FsStatus.OK);
        var grown = fs.read(ALICE, h, 0, 100);
        byte[] b = new byte[grown.data().remaining()];
        grown.data().get(b);
        assertThat(b).as("bytes past a cut read as zeros after growing").containsExactly('a', 'b', 'c', 0, 0);
    }

    @Test
    void aStatelessReadOrCommitOfARemovedFileFails() {
        Handle h = create("was", 0644);
        fs.write(ALICE, h, 0, bytes("data"), Stability.UNSTABLE);
        var c = fs.commit(ALICE, h, 0, 0);
        assertThat(c.status()).isEqualTo(FsStatus.OK);
        assertThat(c.verifier()).hasSize(8);
        assertThat(fs.remove(ALICE, root, "was", RemoveKind.NON_DIRECTORY).status()).isEqualTo(FsStatus.OK);
        assertThat(fs.read(ALICE, h, 0, 4).status()).isNotEqualTo(FsStatus.OK);
        assertThat(fs.commit(ALICE, h, 0, 0).status()).isNotEqualTo(FsStatus.OK);
    }
}

package io.dittofs.gateway.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.XdrReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SETATTR, READ, WRITE and COMMIT: the procedures that span namespace and content. */
class Nfs3DataProceduresTest extends Nfs3FixtureTestBase {

    private static final byte[] HELLO = "hello, world".getBytes(StandardCharsets.UTF_8);

    private XdrReader read(Nfs3TestClient who, byte[] fh, long offset, int count) {
        return who.call(6, w -> w.writeOpaque(fh).writeLong(offset).writeInt(count)).body();
    }

    @Test
    void writeReturnsCountStabilityAndVerifierAndExtendsTheFile() throws Exception {
        byte[] fh = file("w", new byte[0]);
        XdrReader in = alice.write(fh, 0, HELLO, 2);
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(Nfs3TestClient.wcc(in).size()).isEqualTo(HELLO.length);
        assertThat(in.readInt()).as("count").isEqualTo(HELLO.length);
        assertThat(in.readInt()).as("committed FILE_SYNC").isEqualTo(2);
        assertThat(in.readFixedOpaque(8)).hasSize(8);
        assertThat(alice.getAttr(fh).size()).isEqualTo(HELLO.length);
    }

    @Test
    void writeByANonOwnerWithoutPermissionIsAcces() throws Exception {
        byte[] fh = file("private", HELLO);
        assertThat(bob.writeStatus(fh, 0, HELLO)).isEqualTo(Nfs3Status.ACCES);
    }

    @Test
    void readReturnsTheBytesAndEof() throws Exception {
        byte[] fh = file("r", HELLO);
        XdrReader in = read(alice, fh, 7, 100);
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(Nfs3TestClient.postOpAttr(in).size()).isEqualTo(HELLO.length);
        assertThat(in.readInt()).as("count").isEqualTo(5);
        assertThat(in.readBool()).as("eof").isTrue();
        assertThat(new String(in.readOpaque(100), StandardCharsets.UTF_8)).isEqualTo("world");
        in = read(alice, fh, 0, 5);
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        in.readInt();
        assertThat(in.readBool()).as("not at the end").isFalse();
    }

    @Test
    void readOfAPrivateFileByAnotherUserIsAcces() throws Exception {
        byte[] fh = alice.create(root, "secret", 0600).handle();
        alice.writeStatus(fh, 0, HELLO);
        XdrReader in = read(bob, fh, 0, 10);
        assertThat(in.readInt()).isEqualTo(Nfs3Status.ACCES);
    }

    @Test
    void readOfADirectoryIsIsdir() throws Exception {
        assertThat(read(alice, root, 0, 10).readInt()).isEqualTo(Nfs3Status.ISDIR);
    }

    @Test
    void unstableWriteThenCommitKeepsTheVerifier() throws Exception {
        byte[] fh = file("c", new byte[0]);
        XdrReader w = alice.write(fh, 0, HELLO, 0);
        assertThat(w.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.wcc(w);
        w.readInt();
        w.readInt();
        byte[] writeVerf = w.readFixedOpaque(8);
        XdrReader in = alice.call(21, x -> x.writeOpaque(fh).writeLong(0).writeInt(0)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(Nfs3TestClient.wcc(in).size()).isEqualTo(HELLO.length);
        assertThat(in.readFixedOpaque(8)).isEqualTo(writeVerf);
        byte[] empty = file("never-written", new byte[0]);
        in = alice.call(21, x -> x.writeOpaque(empty).writeLong(0).writeInt(0)).body();
        assertThat(in.readInt()).as("a file without content commits too").isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.wcc(in);
        assertThat(in.readFixedOpaque(8)).isEqualTo(writeVerf);
    }

    @Test
    void setAttrChangesModeAndSizeAndTheContentFollows() throws Exception {
        byte[] fh = file("s", HELLO);
        XdrReader in = alice.call(2, w -> {
            w.writeOpaque(fh);
            Nfs3TestClient.sattr(w, 0600);
            w.writeBool(false);
        }).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(Nfs3TestClient.wcc(in).mode()).isEqualTo(0600);
        in = alice.call(2, w -> {
            w.writeOpaque(fh);
            Nfs3TestClient.sattrSize(w, 5);
            w.writeBool(false);
        }).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        in = alice.call(2, w -> {
            w.writeOpaque(fh);
            Nfs3TestClient.sattrSize(w, 8);
            w.writeBool(false);
        }).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        XdrReader r = read(alice, fh, 0, 100);
        assertThat(r.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(r);
        r.readInt();
        r.readBool();
        byte[] data = r.readOpaque(100);
        assertThat(data).as("shrink then grow reads zeros beyond the old cut")
                .isEqualTo(Arrays.copyOf("hello".getBytes(StandardCharsets.UTF_8), 8));
    }

    @Test
    void setAttrByANonOwnerIsPermAndAStaleGuardIsNotSync() throws Exception {
        byte[] fh = file("g", HELLO);
        XdrReader in = bob.call(2, w -> {
            w.writeOpaque(fh);
            Nfs3TestClient.sattr(w, 0777);
            w.writeBool(false);
        }).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.PERM);
        in = alice.call(2, w -> {
            w.writeOpaque(fh);
            Nfs3TestClient.sattr(w, 0600);
            w.writeBool(true).writeInt(1).writeInt(0);
        }).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.NOT_SYNC);
    }

    @Test
    void aFileGrownWithoutWritesReadsZeros() throws Exception {
        byte[] fh = file("sparse", new byte[0]);
        XdrReader in = alice.call(2, w -> {
            w.writeOpaque(fh);
            Nfs3TestClient.sattrSize(w, 6);
            w.writeBool(false);
        }).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        XdrReader r = read(alice, fh, 0, 100);
        assertThat(r.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(r);
        assertThat(r.readInt()).isEqualTo(6);
        assertThat(r.readBool()).isTrue();
        assertThat(r.readOpaque(100)).isEqualTo(new byte[6]);
    }
}

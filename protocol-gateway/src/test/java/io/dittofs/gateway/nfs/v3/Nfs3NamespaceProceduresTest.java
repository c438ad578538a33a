package io.dittofs.gateway.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.XdrReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NFSv3 procedures on the namespace, encoded and decoded as a client would, through the real services. */
class Nfs3NamespaceProceduresTest extends Nfs3FixtureTestBase {

    @Test
    void nullAnswersEmpty() {
        var r = alice.call(0, w -> { });
        assertThat(r.buffer().readableBytes()).isZero();
    }

    @Test
    void getAttrOfRootAndOfAFile() throws Exception {
        var rootAttr = alice.getAttr(root);
        assertThat(rootAttr.type()).isEqualTo(2);
        byte[] fh = file("a", new byte[10]);
        var a = alice.getAttr(fh);
        assertThat(a.type()).isEqualTo(1);
        assertThat(a.uid()).isEqualTo(ALICE);
        assertThat(a.size()).isEqualTo(10);
        assertThat(a.mode()).isEqualTo(0644);
    }

    @Test
    void lookupFindsAndMisses() throws Exception {
        byte[] fh = file("here", new byte[0]);
        var found = alice.lookup(root, "here");
        assertThat(found.status()).isEqualTo(Nfs3Status.OK);
        assertThat(found.handle()).isEqualTo(fh);
        assertThat(alice.lookup(root, "missing").status()).isEqualTo(Nfs3Status.NOENT);
        assertThat(alice.lookup(root, "x".repeat(300)).status()).isEqualTo(Nfs3Status.NAMETOOLONG);
    }

    @Test
    void accessGrantsOwnerAndRefusesOthers() throws Exception {
        byte[] fh = alice.create(root, "mine", 0600).handle();
        XdrReader in = alice.call(4, w -> w.writeOpaque(fh).writeInt(0x3f)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        assertThat(in.readInt() & 0x0d).as("read, modify, extend").isEqualTo(0x0d);
        in = bob.call(4, w -> w.writeOpaque(fh).writeInt(0x3f)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        assertThat(in.readInt() & 0x0d).as("bob has nothing on a 0600 file").isZero();
    }

    @Test
    void createGuardedUncheckedAndExclusive() throws Exception {
        var first = alice.create(root, "f", 0644);
        assertThat(first.status()).isEqualTo(Nfs3Status.OK);
        assertThat(alice.create(root, "f", 0644).status()).as("GUARDED").isEqualTo(Nfs3Status.EXIST);
        XdrReader in = alice.call(8, w -> {
            w.writeOpaque(root).writeString("f").writeInt(0);
            Nfs3TestClient.sattr(w, -1);
        }).body();
        assertThat(Nfs3TestClient.made(in)).extracting(Nfs3TestClient.Made::status).isEqualTo(Nfs3Status.OK);
        byte[] verf = {1, 2, 3, 4, 5, 6, 7, 8};
        var ex1 = Nfs3TestClient.made(alice.call(8, w -> w.writeOpaque(root).writeString("x").writeInt(2).writeFixedOpaque(verf)).body());
        var ex2 = Nfs3TestClient.made(alice.call(8, w -> w.writeOpaque(root).writeString("x").writeInt(2).writeFixedOpaque(verf)).body());
        assertThat(ex1.status()).isEqualTo(Nfs3Status.OK);
        assertThat(ex2.status()).as("an EXCLUSIVE retry is idempotent").isEqualTo(Nfs3Status.OK);
        assertThat(ex2.handle()).isEqualTo(ex1.handle());
    }

    @Test
    void mkdirAndExist() throws Exception {
        var d = alice.mkdir(root, "d");
        assertThat(d.status()).isEqualTo(Nfs3Status.OK);
        assertThat(alice.getAttr(d.handle()).type()).isEqualTo(2);
        assertThat(alice.mkdir(root, "d").status()).isEqualTo(Nfs3Status.EXIST);
    }

    @Test
    void symlinkAndReadLink() throws Exception {
        var made = Nfs3TestClient.made(alice.call(10, w -> {
            w.writeOpaque(root).writeString("ln");
            Nfs3TestClient.sattr(w, -1);
            w.writeString("target/path");
        }).body());
        assertThat(made.status()).isEqualTo(Nfs3Status.OK);
        XdrReader in = alice.call(5, w -> w.writeOpaque(made.handle())).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(Nfs3TestClient.postOpAttr(in).type()).isEqualTo(5);
        assertThat(in.readString(4096)).isEqualTo("target/path");
        byte[] plain = file("plain", new byte[0]);
        assertThat(alice.call(5, w -> w.writeOpaque(plain)).body().readInt()).isEqualTo(Nfs3Status.INVAL);
    }

    @Test
    void mknodMakesFifosAndRefusesRegularFiles() throws Exception {
        var fifo = Nfs3TestClient.made(alice.call(11, w -> {
            w.writeOpaque(root).writeString("pipe").writeInt(7);
            Nfs3TestClient.sattr(w, 0644);
        }).body());
        assertThat(fifo.status()).isEqualTo(Nfs3Status.OK);
        assertThat(alice.getAttr(fifo.handle()).type()).isEqualTo(7);
        var reg = alice.call(11, w -> w.writeOpaque(root).writeString("reg").writeInt(1)).body();
        assertThat(reg.readInt()).isEqualTo(Nfs3Status.BADTYPE);
    }

    @Test
    void removeFileButNotDirectory() throws Exception {
        file("gone", new byte[100]);
        alice.mkdir(root, "dir");
        assertThat(alice.remove(root, "gone")).isEqualTo(Nfs3Status.OK);
        assertThat(alice.lookup(root, "gone").status()).isEqualTo(Nfs3Status.NOENT);
        assertThat(alice.remove(root, "dir")).isEqualTo(Nfs3Status.ISDIR);
        assertThat(alice.remove(root, "gone")).isEqualTo(Nfs3Status.NOENT);
    }

    @Test
    void rmdirRefusesNonEmpty() throws Exception {
        byte[] dir = alice.mkdir(root, "d").handle();
        alice.create(dir, "inside", 0644);
        assertThat(alice.call(13, w -> w.writeOpaque(root).writeString("d")).body().readInt()).isEqualTo(Nfs3Status.NOTEMPTY);
        assertThat(alice.remove(dir, "inside")).isEqualTo(Nfs3Status.OK);
        assertThat(alice.call(13, w -> w.writeOpaque(root).writeString("d")).body().readInt()).isEqualTo(Nfs3Status.OK);
        file("f", new byte[0]);
        assertThat(alice.call(13, w -> w.writeOpaque(root).writeString("f")).body().readInt()).isEqualTo(Nfs3Status.NOTDIR);
    }

    @Test
    void renameMovesTheName() throws Exception {
        byte[] fh = file("old", new byte[3]);
        byte[] dir = alice.mkdir(root, "d").handle();
        XdrReader in = alice.call(14, w -> w.writeOpaque(root).writeString("old").writeOpaque(dir).writeString("new")).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(alice.lookup(root, "old").status()).isEqualTo(Nfs3Status.NOENT);
        assertThat(alice.lookup(dir, "new").handle()).isEqualTo(fh);
        in = alice.call(14, w -> w.writeOpaque(root).writeString("nope").writeOpaque(dir).writeString("x")).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.NOENT);
    }

    @Test
    void linkAddsAName() throws Exception {
        byte[] fh = file("orig", new byte[0]);
        XdrReader in = alice.call(15, w -> w.writeOpaque(fh).writeOpaque(root).writeString("alias")).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        assertThat(Nfs3TestClient.postOpAttr(in).nlink()).isEqualTo(2);
        assertThat(alice.lookup(root, "alias").handle()).isEqualTo(fh);
        in = alice.call(15, w -> w.writeOpaque(fh).writeOpaque(root).writeString("alias")).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.EXIST);
    }

    @Test
    void readDirListsEveryNameAndSaysTooSmall() throws Exception {
        file("one", new byte[0]);
        file("two", new byte[0]);
        XdrReader in = alice.call(16, w -> w.writeOpaque(root).writeLong(0).writeFixedOpaque(new byte[8]).writeInt(8192)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        in.readFixedOpaque(8);
        List<String> names = new ArrayList<>();
        while (in.readBool()) {
            in.readLong();
            names.add(in.readString(255));
            in.readLong();
        }
        assertThat(in.readBool()).as("eof").isTrue();
        assertThat(names).containsExactlyInAnyOrder(".", "..", "one", "two");
        in = alice.call(16, w -> w.writeOpaque(root).writeLong(0).writeFixedOpaque(new byte[8]).writeInt(120)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.TOOSMALL);
    }

    @Test
    void readDirPlusCarriesHandlesAndAttributes() throws Exception {
        byte[] fh = file("one", new byte[5]);
        XdrReader in = alice.call(17, w -> w.writeOpaque(root).writeLong(0).writeFixedOpaque(new byte[8]).writeInt(4096)
                .writeInt(65536)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        in.readFixedOpaque(8);
        boolean seen = false;
        while (in.readBool()) {
            in.readLong();
            String name = in.readString(255);
            in.readLong();
            var attr = Nfs3TestClient.postOpAttr(in);
            byte[] h = Nfs3TestClient.postOpFh(in);
            if (name.equals("one")) {
                seen = true;
                assertThat(attr.size()).isEqualTo(5);
                assertThat(h).isEqualTo(fh);
            }
        }
        assertThat(seen).isTrue();
    }

    @Test
    void fsStatReportsSpace() throws Exception {
        XdrReader in = alice.call(18, w -> w.writeOpaque(root)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        long total = in.readLong();
        long free = in.readLong();
        assertThat(total).isPositive();
        assertThat(free).isBetween(0L, total);
    }

    @Test
    void fsInfoReportsTransferLimits() throws Exception {
        XdrReader in = alice.call(19, w -> w.writeOpaque(root)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        assertThat(in.readInt()).as("rtmax").isEqualTo(FsInfo.MAX_TRANSFER);
        in.readInt();
        in.readInt();
        assertThat(in.readInt()).as("wtmax").isEqualTo(FsInfo.MAX_TRANSFER);
    }

    @Test
    void pathConfReportsNameMax() throws Exception {
        XdrReader in = alice.call(20, w -> w.writeOpaque(root)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        in.readInt();
        assertThat(in.readInt()).as("name_max").isEqualTo(255);
        assertThat(in.readBool()).as("no_trunc").isTrue();
    }
}

package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The pseudo file system and the filehandle and namespace operations against the real services. */
class Nfs4NamespaceOpsTest extends Nfs4FixtureTestBase {

    @Test
    void pseudoRootIsADirectoryListingTheTopLevelExportNames() throws XdrException {
        var r = run(new Compound("", 0).putRootFh().getAttr(Fattr4.TYPE, Fattr4.FSID).op(26, w -> {
            w.writeLong(0).writeFixedOpaque(new byte[8]).writeInt(4096).writeInt(8192);
            Bitmap.of(Fattr4.TYPE).write(w);
        }));
        assertThat(r.status()).isEqualTo(Nfs4Status.OK);
        r.expect(24, Nfs4Status.OK).expect(9, Nfs4Status.OK);
        XdrReader in = r.in();
        assertThat(Bitmap.read(in)).isEqualTo(Bitmap.of(Fattr4.TYPE, Fattr4.FSID));
        assertThat(in.readInt()).isEqualTo(4 + 16);
        assertThat(in.readInt()).isEqualTo(2);
        assertThat(in.readLong()).isEqualTo(PseudoFs.PSEUDO_FSID);
        in.readLong();
        r.expect(26, Nfs4Status.OK);
        in.readFixedOpaque(8);
        List<String> names = new ArrayList<>();
        while (in.readBool()) {
            assertThat(in.readLong()).isGreaterThan(2);
            names.add(in.readString(255));
            Bitmap.read(in);
            in.readOpaque(64);
        }
        assertThat(in.readBool()).as("eof").isTrue();
        assertThat(names).containsExactly("deep", "export", "lan");
    }

    @Test
    void lookupCrossesIntoAShareAndLookuppComesBack() throws XdrException {
        var root = fixture.fs.root(Principal.root(), "export");
        var r = run(new Compound("", 0).putRootFh().lookup("export").getFh().getAttr(Fattr4.TYPE)
                .op(16).getFh());
        assertThat(r.status()).isEqualTo(Nfs4Status.OK);
        r.expect(24, 0).expect(15, 0).expect(10, 0);
        assertThat(r.in().readOpaque(128)).isEqualTo(root.handle().bytes());
        r.expect(9, 0);
        Bitmap.read(r.in());
        r.in().readOpaque(64);
        r.expect(16, 0).expect(10, 0);
        assertThat(r.in().readOpaque(128)).isEqualTo(Fh.Pseudo.ROOT.bytes());
    }

    @Test
    void nestedExportIsReachedThroughItsPseudoDirectory() throws XdrException {
        var nested = fixture.fs.root(Principal.root(), "nested");
        var r = run(new Compound("", 0).putRootFh().lookup("deep").lookup("nested").getFh());
        r.expect(24, 0).expect(15, 0).expect(15, 0).expect(10, 0);
        assertThat(r.in().readOpaque(128)).isEqualTo(nested.handle().bytes());
    }

    @Test
    void lookupAFileAndReadItsAttributes() throws XdrException {
        var root = fixture.fs.root(Principal.root(), "export");
        var who = new Principal(1000, 1000, List.of(), false, "127.0.0.1");
        var created = fixture.fs.create(who, root.handle(), "notes.txt", CreateSpec.regular(CreateMode.GUARDED, new SetAttrs(0640, null, null, null, null, null), new byte[0]));
        assertThat(created.status().ok()).isTrue();
        var r = run(new Compound("", 0).putRootFh().lookup("export").lookup("notes.txt")
                .getAttr(Fattr4.TYPE, Fattr4.MODE, Fattr4.OWNER, Fattr4.SIZE, Fattr4.FILEID));
        r.expect(24, 0).expect(15, 0).expect(15, 0).expect(9, 0);
        XdrReader in = r.in();
        Bitmap.read(in);
        in.readInt();
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.readLong()).isZero();
        assertThat(in.readLong()).isEqualTo(created.attr().fileid());
        assertThat(in.readInt()).isEqualTo(0640);
        assertThat(in.readString(64)).isEqualTo("1000");
    }

    @Test
    void lookupThroughAFileIsNotdirAndBadNamesAreRefused() throws XdrException {
        var root = fixture.fs.root(Principal.root(), "export");
        fixture.fs.create(Principal.root(), root.handle(), "f", CreateSpec.regular(CreateMode.GUARDED, new SetAttrs(0644, null, null, null, null, null), new byte[0]));
        run(new Compound("", 0).putRootFh().lookup("export").lookup("f").lookup("x"))
                .expect(24, 0).expect(15, 0).expect(15, 0).expect(15, Nfs4Status.NOTDIR);
        run(new Compound("", 0).putRootFh().lookup("..")).expect(24, 0).expect(15, Nfs4Status.BADNAME);
        run(new Compound("", 0).putRootFh().lookup("")).expect(24, 0).expect(15, Nfs4Status.INVAL);
        run(new Compound("", 0).putRootFh().lookup("a/b")).expect(24, 0).expect(15, Nfs4Status.BADCHAR);
        run(new Compound("", 0).putRootFh().lookup("x".repeat(300))).expect(24, 0).expect(15, Nfs4Status.NAMETOOLONG);
    }

    @Test
    void crossingIntoAShareAsksTheShareGate() throws XdrException {
        run(new Compound("", 0).putRootFh().lookup("lan")).expect(24, 0).expect(15, Nfs4Status.ACCESS);
        var lanRoot = fixture.fs.root(Principal.root(), "lan").handle().bytes();
        run(new Compound("", 0).op(22, w -> w.writeOpaque(lanRoot))).expect(22, Nfs4Status.ACCESS);
        var fromLan = GatewayFixture.context("10.1.2.3", GatewayFixture.user(1000, 1000));
        run(new Compound("", 0).putRootFh().lookup("lan"), fromLan).expect(24, 0).expect(15, 0);
        // saved in the allowed share, restored after visiting another: the gate is asked again and agrees
        var r = run(new Compound("", 0).putRootFh().lookup("export").op(32).putRootFh().op(31).getFh());
        assertThat(r.status()).isZero();
    }

    @Test
    void putfhRejectsForeignAndStalePseudoHandles() throws XdrException {
        run(new Compound("", 0).op(22, w -> w.writeOpaque(new byte[]{9, 9, 9}))).expect(22, Nfs4Status.BADHANDLE);
        byte[] gone = new Fh.Pseudo("/nowhere").bytes();
        run(new Compound("", 0).op(22, w -> w.writeOpaque(gone))).expect(22, Nfs4Status.STALE);
        run(new Compound("", 0).op(31)).expect(31, Nfs4Status.RESTOREFH);
    }

    @Test
    void accessOnThePseudoFsGrantsNoWrites() throws XdrException {
        var r = run(new Compound("", 0).putRootFh().op(3, w -> w.writeInt(0x3f)));
        r.expect(24, 0).expect(3, 0);
        assertThat(r.in().readInt()).as("EXECUTE means nothing for a directory").isEqualTo(0x1f);
        assertThat(r.in().readInt()).isEqualTo(0x01 | 0x02);
        var s = run(new Compound("", 0).putRootFh().lookup("export").op(3, w -> w.writeInt(0x3f)));
        s.expect(24, 0).expect(15, 0).expect(3, 0);
        s.in().readInt();
        assertThat(s.in().readInt() & 0x04).as("MODIFY in a writable share root (mode 0777)").isEqualTo(0x04);
    }

    @Test
    void readdirOfAShareHonoursCookiesAndTooSmall() throws XdrException {
        var root = fixture.fs.root(Principal.root(), "export");
        for (int i = 0; i < 5; i++) {
            fixture.fs.create(Principal.root(), root.handle(), "file" + i, CreateSpec.regular(CreateMode.GUARDED, new SetAttrs(0644, null, null, null, null, null), new byte[0]));
        }
        var tiny = run(new Compound("", 0).putRootFh().lookup("export").op(26, w -> {
            w.writeLong(0).writeFixedOpaque(new byte[8]).writeInt(10).writeInt(30);
            Bitmap.of(Fattr4.FILEID).write(w);
        }));
        tiny.expect(24, 0).expect(15, 0).expect(26, Nfs4Status.TOOSMALL);
        List<String> all = new ArrayList<>();
        long cookie = 0;
        byte[] verifier = new byte[8];
        for (int round = 0; round < 10; round++) {
            long c = cookie;
            byte[] v = verifier;
            var r = run(new Compound("", 0).putRootFh().lookup("export").op(26, w -> {
                w.writeLong(c).writeFixedOpaque(v).writeInt(200).writeInt(200);
                Bitmap.of(Fattr4.FILEID).write(w);
            }));
            r.expect(24, 0).expect(15, 0).expect(26, 0);
            verifier = r.in().readFixedOpaque(8);
            while (r.in().readBool()) {
                cookie = r.in().readLong();
                all.add(r.in().readString(255));
                Bitmap.read(r.in());
                r.in().readOpaque(64);
            }
            if (r.in().readBool()) {
                break;
            }
        }
        assertThat(all).containsExactlyInAnyOrder("file0", "file1", "file2", "file3", "file4");
        run(new Compound("", 0).putRootFh().lookup("export").op(26, w -> {
            w.writeLong(1).writeFixedOpaque(new byte[8]).writeInt(200).writeInt(200);
            Bitmap.EMPTY.write(w);
        })).expect(24, 0).expect(15, 0).expect(26, Nfs4Status.BAD_COOKIE);
    }

    @Test
    void secinfoAnswersAuthSys() throws XdrException {
        var r = run(new Compound("", 0).putRootFh().op(33, w -> w.writeString("export")).getFh());
        r.expect(24, 0).expect(33, 0);
        assertThat(r.in().readInt()).isEqualTo(1);
        assertThat(r.in().readInt()).isEqualTo(1);
        r.expect(10, 0);
    }

    @Test
    void verifyAndNverifyCompareTheEncodedAttributes() throws XdrException {
        Consumer<io.dittofs.gateway.rpc.XdrWriter> typeIsDir = w -> {
            Bitmap.of(Fattr4.TYPE).write(w);
            w.writeInt(4).writeInt(2);
        };
        run(new Compound("", 0).putRootFh().op(37, typeIsDir)).expect(24, 0).expect(37, 0);
        run(new Compound("", 0).putRootFh().op(17, typeIsDir)).expect(24, 0).expect(17, Nfs4Status.SAME);
        Consumer<io.dittofs.gateway.rpc.XdrWriter> typeIsFile = w -> {
            Bitmap.of(Fattr4.TYPE).write(w);
            w.writeInt(4).writeInt(1);
        };
        run(new Compound("", 0).putRootFh().op(37, typeIsFile)).expect(24, 0).expect(37, Nfs4Status.NOT_SAME);
        run(new Compound("", 0).putRootFh().op(17, typeIsFile)).expect(24, 0).expect(17, 0);
        run(new Compound("", 0).putRootFh().op(37, w -> {
            Bitmap.of(Fattr4.RDATTR_ERROR).write(w);
            w.writeInt(4).writeInt(0);
        })).expect(24, 0).expect(37, Nfs4Status.INVAL);
        run(new Compound("", 0).putRootFh().getAttr(Fattr4.TYPE, Fattr4.TIME_ACCESS_SET))
                .expect(24, 0).expect(9, Nfs4Status.INVAL);
    }
}

package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NFSv4.2 (RFC 7862) through the real program and services: the minor version itself, the RFC
 * 8276 extended-attribute operations and attribute, ALLOCATE, SEEK, and RFC 8881 §18.51.3's GRACE
 * for an OPEN before RECLAIM_COMPLETE.
 */
class Nfs42OpsTest extends Nfs4FixtureTestBase {

    static final int OPEN = 18;
    static final int PUTFH = 22;
    static final int WRITE = 38;
    static final int ALLOCATE = 59;
    static final int SEEK = 69;
    static final int GETXATTR = 72;
    static final int SETXATTR = 73;
    static final int LISTXATTRS = 74;
    static final int REMOVEXATTR = 75;

    /** A client with a session at {@code minor}. */
    final class Client {
        final byte[] session;
        final int minor;
        int seq = 1;

        Client(String owner, int minor, boolean reclaimComplete) throws XdrException {
            this.minor = minor;
            var ex = run(new Compound("", minor).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8])
                    .writeOpaque(owner.getBytes(StandardCharsets.UTF_8)).writeInt(0).writeInt(0).writeInt(0)));
            ex.expect(Nfs4Ops.EXCHANGE_ID, 0);
            long id = ex.in().readLong();
            int s = ex.in().readInt();
            var cs = run(new Compound("", minor).op(Nfs4Ops.CREATE_SESSION,
                    Nfs4SessionRulesTest.createArgs(id, s, 0, 1 << 20, 1 << 20, 4096, 16)));
            cs.expect(Nfs4Ops.CREATE_SESSION, 0);
            session = cs.in().readFixedOpaque(16);
            if (reclaimComplete) {
                run(next().op(58, w -> w.writeBool(false))).sequenceOk().expect(58, 0);
            }
        }

        Compound next() {
            return new Compound("", minor).sequence(session, seq++, 0);
        }
    }

    /** Creates {@code name} in the export opened read-write; returns its open stateid and handle. */
    record Created(Stateid stateid, byte[] fh) {
    }

    Created create(Client c, String name) throws XdrException {
        var r = run(c.next().putRootFh().lookup("export").op(OPEN, w -> {
            w.writeInt(0).writeInt(3).writeInt(0).writeLong(0).writeString("owner-" + name);
            w.writeInt(1).writeInt(0);
            Bitmap.of(Fattr4.MODE).write(w);
            w.writeInt(4).writeInt(0644);
            w.writeInt(0).writeString(name);
        }).getFh());
        r.sequenceOk().expect(24, 0).expect(15, 0).expect(OPEN, 0);
        Stateid sid = Stateid.read(r.in());
        r.in().readBool();
        r.in().readLong();
        r.in().readLong();
        r.in().readInt();
        Bitmap.read(r.in());
        assertThat(r.in().readInt()).as("no delegation without a back channel").isZero();
        r.expect(10, 0);
        return new Created(sid, r.in().readOpaque(128));
    }

    Result onFile(Client c, byte[] fh, int opcode, Consumer<XdrWriter> args) {
        return run(c.next().op(PUTFH, w -> w.writeOpaque(fh)).op(opcode, args));
    }

    static Consumer<XdrWriter> key(String k) {
        return w -> w.writeOpaque(k.getBytes(StandardCharsets.UTF_8));
    }

    static Consumer<XdrWriter> set(int option, String k, byte[] value) {
        return w -> w.writeInt(option).writeOpaque(k.getBytes(StandardCharsets.UTF_8)).writeOpaque(value);
    }

    long size(Client c, byte[] fh) throws XdrException {
        var r = run(c.next().op(PUTFH, w -> w.writeOpaque(fh)).getAttr(Fattr4.SIZE));
        r.sequenceOk().expect(PUTFH, 0).expect(9, 0);
        Bitmap.read(r.in());
        r.in().readInt();
        return r.in().readLong();
    }

    @Test
    void minorVersionTwoIsServedAndItsOperationsAreIllegalInMinorVersionOne() throws XdrException {
        Client one = new Client("v41", 1, true);
        run(one.next().putRootFh().op(GETXATTR, key("a"))).sequenceOk().expect(24, 0)
                .expect(Nfs4Ops.ILLEGAL, Nfs4Status.OP_ILLEGAL);
        Client two = new Client("v42", 2, true);
        run(two.next().putRootFh().lookup("export").getAttr(Fattr4.SUPPORTED_ATTRS, Fattr4.XATTR_SUPPORT))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(9, 0);
        // an unimplemented 4.2 operation (COPY, 60) is NOTSUPP, not ILLEGAL
        run(two.next().putRootFh().op(60)).sequenceOk().expect(24, 0).expect(60, Nfs4Status.NOTSUPP);
    }

    @Test
    void xattrSupportAndOpenArgumentsAreFourTwoAttributes() throws XdrException {
        Client one = new Client("attrs41", 1, true);
        var r1 = run(one.next().putRootFh().lookup("export").getAttr(Fattr4.SUPPORTED_ATTRS, Fattr4.XATTR_SUPPORT));
        r1.sequenceOk().expect(24, 0).expect(15, 0).expect(9, 0);
        assertThat(Bitmap.read(r1.in()).has(Fattr4.XATTR_SUPPORT)).as("not in 4.1's reply").isFalse();

        Client two = new Client("attrs42", 2, true);
        var r = run(two.next().putRootFh().lookup("export")
                .getAttr(Fattr4.SUPPORTED_ATTRS, Fattr4.XATTR_SUPPORT, Fattr4.OPEN_ARGUMENTS));
        r.sequenceOk().expect(24, 0).expect(15, 0).expect(9, 0);
        Bitmap answered = Bitmap.read(r.in());
        assertThat(answered.has(Fattr4.XATTR_SUPPORT)).isTrue();
        assertThat(answered.has(Fattr4.OPEN_ARGUMENTS)).isTrue();
        r.in().readInt();
        Bitmap supported = Bitmap.read(r.in());
        assertThat(supported.has(Fattr4.XATTR_SUPPORT)).isTrue();
        assertThat(supported.has(Fattr4.OPEN_ARGUMENTS)).isTrue();
        assertThat(r.in().readBool()).as("a share keeps xattrs").isTrue();
        assertThat(Bitmap.read(r.in())).as("share access").isEqualTo(Bitmap.of(1, 2, 3));
        assertThat(Bitmap.read(r.in())).as("share deny").isEqualTo(Bitmap.of(0, 1, 2, 3));
        assertThat(Bitmap.read(r.in())).as("wants").isEqualTo(Bitmap.of(3, 4, 5));
        assertThat(Bitmap.read(r.in())).as("claims").isEqualTo(Bitmap.of(0, 1, 2, 4, 5));
        assertThat(Bitmap.read(r.in())).as("create modes").isEqualTo(Bitmap.of(0, 1, 2, 3));

        var pseudo = run(two.next().putRootFh().getAttr(Fattr4.XATTR_SUPPORT));
        pseudo.sequenceOk().expect(24, 0).expect(9, 0);
        Bitmap.read(pseudo.in());
        pseudo.in().readInt();
        assertThat(pseudo.in().readBool()).as("the pseudo root keeps none").isFalse();
    }

    @Test
    void setGetListAndRemoveFollowRfc8276() throws XdrException {
        Client c = new Client("xattrs", 2, true);
        byte[] fh = create(c, "x.txt").fh();
        byte[] v1 = "value1".getBytes(StandardCharsets.UTF_8);

        onFile(c, fh, GETXATTR, key("attr1")).sequenceOk().expect(PUTFH, 0).expect(GETXATTR, Nfs4Status.NOXATTR);
        onFile(c, fh, SETXATTR, set(2, "attr1", v1)).sequenceOk().expect(PUTFH, 0).expect(SETXATTR, Nfs4Status.NOXATTR);
        var created = onFile(c, fh, SETXATTR, set(1, "attr1", v1));
        created.sequenceOk().expect(PUTFH, 0).expect(SETXATTR, 0);
        created.in().readBool();
        long before = created.in().readLong();
        assertThat(created.in().readLong()).as("change_info moves").isGreaterThan(before);
        onFile(c, fh, SETXATTR, set(1, "attr1", v1)).sequenceOk().expect(PUTFH, 0).expect(SETXATTR, Nfs4Status.EXIST);

        var got = onFile(c, fh, GETXATTR, key("attr1"));
        got.sequenceOk().expect(PUTFH, 0).expect(GETXATTR, 0);
        assertThat(got.in().readOpaque(64)).isEqualTo(v1);
        byte[] v2 = "second".getBytes(StandardCharsets.UTF_8);
        onFile(c, fh, SETXATTR, set(2, "attr1", v2)).sequenceOk().expect(PUTFH, 0).expect(SETXATTR, 0);
        onFile(c, fh, SETXATTR, set(0, "attr2", v2)).sequenceOk().expect(PUTFH, 0).expect(SETXATTR, 0);
        var again = onFile(c, fh, GETXATTR, key("attr1"));
        again.sequenceOk().expect(PUTFH, 0).expect(GETXATTR, 0);
        assertThat(again.in().readOpaque(64)).isEqualTo(v2);

        onFile(c, fh, SETXATTR, set(0, "big", new byte[64 * 1024 + 1])).sequenceOk().expect(PUTFH, 0)
                .expect(SETXATTR, Nfs4Status.XATTR2BIG);
        onFile(c, fh, SETXATTR, set(0, "", v1)).sequenceOk().expect(PUTFH, 0).expect(SETXATTR, Nfs4Status.INVAL);
        onFile(c, fh, SETXATTR, set(0, "n".repeat(251), v1)).sequenceOk().expect(PUTFH, 0)
                .expect(SETXATTR, Nfs4Status.NAMETOOLONG);

        assertThat(list(c, fh, 0, 8192).names()).containsExactlyInAnyOrder("attr1", "attr2");
        onFile(c, fh, REMOVEXATTR, key("attr1")).sequenceOk().expect(PUTFH, 0).expect(REMOVEXATTR, 0);
        onFile(c, fh, REMOVEXATTR, key("attr1")).sequenceOk().expect(PUTFH, 0).expect(REMOVEXATTR, Nfs4Status.NOXATTR);
        assertThat(list(c, fh, 0, 8192).names()).containsExactly("attr2");
    }

    record Listed(long cookie, List<String> names, boolean eof) {
    }

    Listed list(Client c, byte[] fh, long cookie, int maxcount) throws XdrException {
        var r = onFile(c, fh, LISTXATTRS, w -> w.writeLong(cookie).writeInt(maxcount));
        r.sequenceOk().expect(PUTFH, 0).expect(LISTXATTRS, 0);
        long next = r.in().readLong();
        int n = r.in().readInt();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(new String(r.in().readOpaque(255), StandardCharsets.UTF_8));
        }
        return new Listed(next, names, r.in().readBool());
    }

    @Test
    void listXattrsPagesByMaxcountAndIsTooSmallForNoName() throws XdrException {
        Client c = new Client("listing", 2, true);
        byte[] fh = create(c, "l.txt").fh();
        Listed empty = list(c, fh, 0, 8192);
        assertThat(empty.names()).isEmpty();
        assertThat(empty.eof()).isTrue();
        for (int i = 1; i <= 6; i++) {
            onFile(c, fh, SETXATTR, set(1, "attr" + i, new byte[] {(byte) i})).sequenceOk().expect(PUTFH, 0)
                    .expect(SETXATTR, 0);
        }
        // 16 bytes of cookie, count and eof, then 4 + 8 per "attrN": room for two
        Listed first = list(c, fh, 0, 16 + 2 * 12);
        assertThat(first.names()).hasSize(2);
        assertThat(first.eof()).isFalse();
        List<String> all = new ArrayList<>(first.names());
        Listed page = first;
        while (!page.eof()) {
            page = list(c, fh, page.cookie(), 16 + 2 * 12);
            all.addAll(page.names());
        }
        assertThat(all).containsExactlyInAnyOrder("attr1", "attr2", "attr3", "attr4", "attr5", "attr6");
        onFile(c, fh, LISTXATTRS, w -> w.writeLong(0).writeInt(20)).sequenceOk().expect(PUTFH, 0)
                .expect(LISTXATTRS, Nfs4Status.TOOSMALL);
    }

    @Test
    void allocateChecksTheStateidAsWriteDoesAndExtendsPastTheEnd() throws XdrException {
        Client c = new Client("alloc", 2, true);
        Created f = create(c, "a.bin");
        onFile(c, f.fh(), ALLOCATE, w -> { f.stateid().write(w); w.writeLong(0).writeLong(1); })
                .sequenceOk().expect(PUTFH, 0).expect(ALLOCATE, 0);
        assertThat(size(c, f.fh())).isEqualTo(1);
        Stateid zero = new Stateid(0, new byte[12]);
        byte[] ones = new byte[12];
        java.util.Arrays.fill(ones, (byte) 0xff);
        Stateid allOnes = new Stateid(-1, ones);
        onFile(c, f.fh(), ALLOCATE, w -> { zero.write(w); w.writeLong(4096).writeLong(100); })
                .sequenceOk().expect(PUTFH, 0).expect(ALLOCATE, 0);
        assertThat(size(c, f.fh())).isEqualTo(4196);
        onFile(c, f.fh(), ALLOCATE, w -> { allOnes.write(w); w.writeLong(0).writeLong(10); })
                .sequenceOk().expect(PUTFH, 0).expect(ALLOCATE, 0);
        assertThat(size(c, f.fh())).as("inside the file nothing changes").isEqualTo(4196);
        Stateid unknown = new Stateid(1, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        onFile(c, f.fh(), ALLOCATE, w -> { unknown.write(w); w.writeLong(0).writeLong(1); })
                .sequenceOk().expect(PUTFH, 0).expect(ALLOCATE, Nfs4Status.STALE_STATEID);
        run(c.next().putRootFh().lookup("export").op(ALLOCATE, w -> { zero.write(w); w.writeLong(0).writeLong(1); }))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(ALLOCATE, Nfs4Status.ISDIR);
    }

    @Test
    void seekFindsDataUpToTheSizeAndTheHoleAtTheEnd() throws XdrException {
        Client c = new Client("seek", 2, true);
        Created f = create(c, "s.bin");
        onFile(c, f.fh(), WRITE, w -> { f.stateid().write(w); w.writeLong(0).writeInt(2).writeOpaque(new byte[100]); })
                .sequenceOk().expect(PUTFH, 0).expect(WRITE, 0);
        var data = onFile(c, f.fh(), SEEK, w -> { f.stateid().write(w); w.writeLong(10).writeInt(0); });
        data.sequenceOk().expect(PUTFH, 0).expect(SEEK, 0);
        assertThat(data.in().readBool()).isFalse();
        assertThat(data.in().readLong()).isEqualTo(10);
        var hole = onFile(c, f.fh(), SEEK, w -> { f.stateid().write(w); w.writeLong(10).writeInt(1); });
        hole.sequenceOk().expect(PUTFH, 0).expect(SEEK, 0);
        assertThat(hole.in().readBool()).isTrue();
        assertThat(hole.in().readLong()).isEqualTo(100);
        onFile(c, f.fh(), SEEK, w -> { f.stateid().write(w); w.writeLong(100).writeInt(0); })
                .sequenceOk().expect(PUTFH, 0).expect(SEEK, Nfs4Status.NXIO);
    }

    @Test
    void openAndLockBeforeReclaimCompleteAreGrace() throws XdrException {
        Client early = new Client("early", 2, false);
        var r = run(early.next().putRootFh().lookup("export").op(OPEN, w -> {
            w.writeInt(0).writeInt(3).writeInt(0).writeLong(0).writeString("o");
            w.writeInt(1).writeInt(0);
            Bitmap.of().write(w);
            w.writeInt(0);
            w.writeInt(0).writeString("early.txt");
        }));
        r.sequenceOk().expect(24, 0).expect(15, 0).expect(OPEN, Nfs4Status.GRACE);
        run(early.next().op(58, w -> w.writeBool(false))).sequenceOk().expect(58, 0);
        create(early, "early.txt");
    }
}

package io.dittofs.gateway.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.identity.IdentityNames;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.attr.ModeAcl;
import io.dittofs.gateway.nfs.v4.attr.Owners;
import io.dittofs.gateway.nfs.v4.attr.SetAttrDecoder;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acl view of the mode bits, owner names in a domain, fs_locations and the 4.1 attributes, and
 * READ through an open that has just been written, through the real services.
 */
class Nfs4AttrsTest extends Nfs4FixtureTestBase {

    /** The two names the identity service would know; anything else is unknown. */
    static final IdentityNames NAMES = new IdentityNames() {
        final Map<Integer, String> users = Map.of(1000, "alice");
        final Map<Integer, String> groups = Map.of(1000, "staff");

        @Override
        public Optional<String> userName(int uid) {
            return Optional.ofNullable(users.get(uid));
        }

        @Override
        public Optional<String> groupName(int gid) {
            return Optional.ofNullable(groups.get(gid));
        }

        @Override
        public OptionalInt uid(String name) {
            return users.entrySet().stream().filter(e -> e.getValue().equals(name)).mapToInt(Map.Entry::getKey).findFirst();
        }

        @Override
        public OptionalInt gid(String name) {
            return groups.entrySet().stream().filter(e -> e.getValue().equals(name)).mapToInt(Map.Entry::getKey).findFirst();
        }
    };

    @BeforeEach
    void namedOwners() {
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new ClientStates(null), new Owners("example.org", NAMES)));
    }

    byte[] session() throws XdrException {
        var r = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8])
                .writeString("attrs").writeInt(0).writeInt(0).writeInt(0)));
        r.expect(Nfs4Ops.EXCHANGE_ID, 0);
        long id = r.in().readLong();
        int seq = r.in().readInt();
        var s = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION,
                Nfs4SessionRulesTest.createArgs(id, seq, 0, 1 << 20, 1 << 20, 4096, 16)));
        s.expect(Nfs4Ops.CREATE_SESSION, 0);
        byte[] session = s.in().readFixedOpaque(16);
        // RECLAIM_COMPLETE on the last slot, so the tests' own compounds start at slot 0 sequence 1
        run(new Compound("", 1).sequence(session, 1, 3).op(58, w -> w.writeBool(false))).sequenceOk().expect(58, 0);
        return session;
    }

    static Consumer<XdrWriter> fattr(Bitmap bits, Consumer<XdrWriter> values) {
        return w -> {
            ByteBuf b = Unpooled.buffer();
            try {
                values.accept(new XdrWriter(b));
                bits.write(w);
                byte[] v = new byte[b.readableBytes()];
                b.getBytes(0, v);
                w.writeOpaque(v);
            } finally {
                b.release();
            }
        };
    }

    /** CREATE of a directory {@code name} in /export with the given attributes; returns the compound result after CREATE. */
    Result mkdir(byte[] s, int seq, String name, Bitmap bits, Consumer<XdrWriter> values) {
        return run(new Compound("", 1).sequence(s, seq, 0).putRootFh().lookup("export")
                .op(6, w -> { w.writeInt(2).writeString(name); fattr(bits, values).accept(w); }));
    }

    static XdrReader values(Result r) throws XdrException {
        Bitmap.read(r.in());
        return new XdrReader(Unpooled.wrappedBuffer(r.in().readOpaque(65536)));
    }

    @Test
    void aclShowsTheModeAndSettingItChangesTheMode() throws XdrException {
        byte[] s = session();
        mkdir(s, 1, "acl-dir", Bitmap.of(Fattr4.MODE), w -> w.writeInt(0750)).sequenceOk().expect(24, 0).expect(15, 0)
                .expect(6, 0);
        var got = run(new Compound("", 1).sequence(s, 2, 0).putRootFh().lookup("export").lookup("acl-dir")
                .getAttr(Fattr4.ACL, Fattr4.ACLSUPPORT));
        got.sequenceOk().expect(24, 0).expect(15, 0).expect(15, 0).expect(9, 0);
        XdrReader v = values(got);
        List<ModeAcl.Ace> acl = ModeAcl.read(v);
        assertThat(acl).extracting(ModeAcl.Ace::who).containsExactly("OWNER@", "GROUP@", "EVERYONE@");
        assertThat(ModeAcl.toMode(acl)).isEqualTo(0750);
        assertThat(acl.get(2).mask() & 0x1).as("EVERYONE@ may not read").isZero();
        assertThat(v.readInt()).isEqualTo(ModeAcl.SUPPORT);

        var set = run(new Compound("", 1).sequence(s, 3, 0).putRootFh().lookup("export").lookup("acl-dir")
                .op(34, w -> { new Stateid(0, new byte[12]).write(w); fattr(Bitmap.of(Fattr4.ACL),
                        x -> ModeAcl.write(x, ModeAcl.of(0705, true))).accept(w); })
                .getAttr(Fattr4.MODE));
        set.sequenceOk().expect(24, 0).expect(15, 0).expect(15, 0).expect(34, 0);
        Bitmap.read(set.in());
        set.expect(9, 0);
        assertThat(values(set).readInt()).isEqualTo(0705);

        var named = run(new Compound("", 1).sequence(s, 4, 0).putRootFh().lookup("export").lookup("acl-dir")
                .op(34, w -> { new Stateid(0, new byte[12]).write(w); fattr(Bitmap.of(Fattr4.ACL),
                        x -> ModeAcl.write(x, List.of(new ModeAcl.Ace(0, 0, 1, "bob@example.org")))).accept(w); }));
        named.sequenceOk().expect(24, 0).expect(15, 0).expect(15, 0).expect(34, Nfs4Status.ATTRNOTSUPP);
    }

    @Test
    void ownersAreNamesInTheDomainOrNumbersAndUnknownNamesAreBadowner() throws XdrException {
        byte[] s = session();
        mkdir(s, 1, "owned", Bitmap.of(Fattr4.OWNER, Fattr4.OWNER_GROUP),
                w -> w.writeString("alice@example.org").writeString("staff@EXAMPLE.ORG"))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(6, 0);
        var got = run(new Compound("", 1).sequence(s, 2, 0).putRootFh().lookup("export").lookup("owned")
                .getAttr(Fattr4.OWNER, Fattr4.OWNER_GROUP));
        got.sequenceOk().expect(24, 0).expect(15, 0).expect(15, 0).expect(9, 0);
        XdrReader v = values(got);
        assertThat(v.readString(64)).isEqualTo("alice@example.org");
        assertThat(v.readString(64)).isEqualTo("staff@example.org");

        mkdir(s, 3, "numeric", Bitmap.of(Fattr4.OWNER), w -> w.writeString("1000"))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(6, 0);
        var num = run(new Compound("", 1).sequence(s, 4, 0).putRootFh().lookup("export").lookup("numeric")
                .getAttr(Fattr4.OWNER));
        num.sequenceOk().expect(24, 0).expect(15, 0).expect(15, 0).expect(9, 0);
        assertThat(values(num).readString(64)).as("a numeric owner is shown by name").isEqualTo("alice@example.org");

        mkdir(s, 5, "bad1", Bitmap.of(Fattr4.OWNER), w -> w.writeString("mallory@example.org"))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(6, Nfs4Status.BADOWNER);
        mkdir(s, 6, "bad2", Bitmap.of(Fattr4.OWNER), w -> w.writeString("alice@elsewhere.net"))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(6, Nfs4Status.BADOWNER);
    }

    @Test
    void fsLocationsCharsetAndExclusiveCreateAttributesAreAnswered() throws XdrException {
        byte[] s = session();
        var r = run(new Compound("", 1).sequence(s, 1, 0).putRootFh().lookup("export")
                .getAttr(Fattr4.SUPPORTED_ATTRS, Fattr4.FS_LOCATIONS, Fattr4.SUPPATTR_EXCLCREAT, Fattr4.FS_CHARSET_CAP));
        r.sequenceOk().expect(24, 0).expect(15, 0).expect(9, 0);
        XdrReader v = values(r);
        Bitmap supported = Bitmap.read(v);
        for (int bit : new int[] {Fattr4.ACL, Fattr4.ACLSUPPORT, Fattr4.FS_LOCATIONS, Fattr4.SUPPATTR_EXCLCREAT,
                Fattr4.FS_CHARSET_CAP}) {
            assertThat(supported.has(bit)).as("attribute %d supported", bit).isTrue();
        }
        assertThat(v.readInt()).as("fs_root components").isZero();
        assertThat(v.readInt()).as("locations").isZero();
        assertThat(Bitmap.read(v)).isEqualTo(SetAttrDecoder.EXCLUSIVE_CREATE);
        assertThat(v.readInt()).isEqualTo(2);
    }

    @Test
    void readThroughAnOpenSeesTheWritesMadeThroughIt() throws XdrException {
        byte[] s = session();
        var opened = run(new Compound("", 1).sequence(s, 1, 0).putRootFh().lookup("export")
                .op(18, w -> {
                    w.writeInt(0).writeInt(3).writeInt(0).writeLong(0).writeString("owner");
                    w.writeInt(1).writeInt(0);
                    fattr(Bitmap.of(Fattr4.MODE), x -> x.writeInt(0644)).accept(w);
                    w.writeInt(0).writeString("rw.bin");
                }).getFh());
        opened.sequenceOk().expect(24, 0).expect(15, 0).expect(18, 0);
        Stateid sid = Stateid.read(opened.in());
        opened.in().readBool();
        opened.in().readLong();
        opened.in().readLong();
        opened.in().readInt();
        Bitmap.read(opened.in());
        assertThat(opened.in().readInt()).as("no delegation").isZero();
        opened.expect(10, 0);
        byte[] fh = opened.in().readOpaque(128);
        byte[] data = "write test data".getBytes(StandardCharsets.UTF_8);
        var rw = run(new Compound("", 1).sequence(s, 2, 0).op(22, w -> w.writeOpaque(fh)).op(38, w -> {
                    new Stateid(0, sid.other()).write(w);
                    w.writeLong(5).writeInt(0).writeOpaque(data);
                }).op(25, w -> { new Stateid(0, sid.other()).write(w); w.writeLong(0).writeInt(1000); }));
        rw.sequenceOk().expect(22, 0).expect(38, 0);
        rw.in().readInt();
        rw.in().readInt();
        rw.in().readFixedOpaque(8);
        rw.expect(25, 0);
        assertThat(rw.in().readBool()).isTrue();
        byte[] expected = new byte[5 + data.length];
        System.arraycopy(data, 0, expected, 5, data.length);
        assertThat(rw.in().readOpaque(1000)).isEqualTo(expected);
    }

    @Test
    void ownersAloneMapNumbersAndNames() {
        Owners o = new Owners("example.org", NAMES);
        assertThat(o.uid("1000")).isEqualTo(1000);
        assertThat(o.uid("1000@anywhere")).isEqualTo(1000);
        assertThat(o.uid("alice")).isEqualTo(1000);
        assertThat(o.uid("4294967296")).isEqualTo(Owners.UNKNOWN);
        assertThat(o.uid("")).isEqualTo(Owners.UNKNOWN);
        assertThat(o.gid("staff@example.org")).isEqualTo(1000);
        assertThat(o.owner(7)).isEqualTo("7");
        assertThat(Owners.NUMERIC.owner(1000)).isEqualTo("1000");
        assertThat(Owners.NUMERIC.uid("alice@localdomain")).isEqualTo(Owners.UNKNOWN);
    }

    @Test
    void modeAclRoundTripsEveryModeAndDenyEntriesKeepBitsClear() {
        for (int mode = 0; mode <= 0777; mode++) {
            assertThat(ModeAcl.toMode(ModeAcl.of(mode, mode % 2 == 0))).isEqualTo(mode);
        }
        var denyOwnerWrite = List.of(new ModeAcl.Ace(ModeAcl.DENY, 0, 0x2, "OWNER@"),
                new ModeAcl.Ace(ModeAcl.ALLOW, 0, 0x1 | 0x2 | 0x20, "EVERYONE@"));
        assertThat(ModeAcl.toMode(denyOwnerWrite)).isEqualTo(0577);
        assertThat(ModeAcl.toMode(List.of(new ModeAcl.Ace(2, 0, 1, "OWNER@")))).as("AUDIT").isEqualTo(-1);
    }
}

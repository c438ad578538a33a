package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.attr.ModeAcl;
import io.dittofs.gateway.rpc.XdrException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge cases pynfs checks, one per test, through the real program and services. */
class Nfs4EdgeCasesTest extends Nfs4FixtureTestBase {

    private static final Stateid ANONYMOUS = new Stateid(0, new byte[12]);

    /** A regular file in /export owned by uid 1000 with {@code mode}; returns its handle bytes. */
    private byte[] file(String name, int mode, byte[] content) {
        var root = fixture.fs.root(Principal.root(), "export");
        var who = new Principal(1000, 1000, List.of(), false, "127.0.0.1");
        var created = fixture.fs.create(who, root.handle(), name,
                CreateSpec.regular(CreateMode.GUARDED, new SetAttrs(mode, null, null, null, null, null), new byte[0]));
        assertThat(created.status().ok()).isTrue();
        if (content.length > 0) {
            assertThat(fixture.fs.write(who, created.handle(), 0, java.nio.ByteBuffer.wrap(content),
                    io.dittofs.gateway.fs.model.Stability.FILE_SYNC).status().ok()).isTrue();
        }
        return created.handle().bytes();
    }

    private byte[] changeTimeSize(byte[] fh) throws XdrException {
        var r = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .getAttr(Fattr4.CHANGE, Fattr4.SIZE, Fattr4.TIME_MODIFY, Fattr4.TIME_METADATA));
        r.expect(22, 0).expect(9, 0);
        Bitmap.read(r.in());
        return r.in().readOpaque(256);
    }

    @Test
    void aZeroLengthWriteChecksPermissionButChangesNeitherSizeNorTimes() throws Exception {
        byte[] fh = file("empty-write", 0644, new byte[32]);
        byte[] before = changeTimeSize(fh);
        Thread.sleep(5);
        var r = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(38, w -> { ANONYMOUS.write(w); w.writeLong(5).writeInt(0).writeOpaque(new byte[0]); })
                .op(5, w -> w.writeLong(0).writeInt(0)));
        r.expect(22, 0).expect(38, 0);
        assertThat(r.in().readInt()).as("count").isZero();
        assertThat(r.in().readInt()).as("committed").isEqualTo(2);
        byte[] writeVerifier = r.in().readFixedOpaque(8);
        r.expect(5, 0);
        assertThat(r.in().readFixedOpaque(8)).as("COMMIT's verifier").isEqualTo(writeVerifier);
        assertThat(changeTimeSize(fh)).as("change, size, time_modify, time_metadata").isEqualTo(before);

        var bob = GatewayFixture.context("127.0.0.1", GatewayFixture.user(2000, 2000));
        run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(38, w -> { ANONYMOUS.write(w); w.writeLong(0).writeInt(0).writeOpaque(new byte[0]); }), bob)
                .expect(22, 0).expect(38, Nfs4Status.ACCESS);
    }

    @Test
    void aclEntriesWithAnEmptyMaskAreAcceptedForAnyPrincipalAndGrantNothing() throws XdrException {
        byte[] fh = file("acl-empty", 0644, new byte[0]);
        List<ModeAcl.Ace> acl = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acl.add(new ModeAcl.Ace(ModeAcl.ALLOW, 0, 0, Integer.toString(10000 + i)));
        }
        acl.add(new ModeAcl.Ace(ModeAcl.ALLOW, 0, 0x1 | 0x2, "OWNER@"));
        var set = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(34, w -> { ANONYMOUS.write(w); Nfs4AttrsTest.fattr(Bitmap.of(Fattr4.ACL),
                        x -> ModeAcl.write(x, acl)).accept(w); })
                .getAttr(Fattr4.MODE));
        set.expect(22, 0).expect(34, 0);
        Bitmap.read(set.in());
        set.expect(9, 0);
        assertThat(Nfs4AttrsTest.values(set).readInt()).isEqualTo(0600);

        var named = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(34, w -> { ANONYMOUS.write(w); Nfs4AttrsTest.fattr(Bitmap.of(Fattr4.ACL),
                        x -> ModeAcl.write(x, List.of(new ModeAcl.Ace(ModeAcl.ALLOW, 0, 0x1, "10000")))).accept(w); }));
        named.expect(22, 0).expect(34, Nfs4Status.ATTRNOTSUPP);
    }

    @Test
    void namesWithMalformedUtf8OrUnicodeNoncharactersAreInvalInEveryNameOperation() throws XdrException {
        file("plain", 0644, new byte[0]);
        byte[][] bad = {
            {(byte) 0xef, (byte) 0xbf, (byte) 0xbe},           // U+FFFE
            {(byte) 0xef, (byte) 0xbf, (byte) 0xbf},           // U+FFFF
            {(byte) 0xef, (byte) 0xb7, (byte) 0x90},           // U+FDD0
            {(byte) 0xf0, (byte) 0x9f, (byte) 0xbf, (byte) 0xbe}, // U+1FFFE
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},           // a UTF-16 surrogate
            {(byte) 0xc0, (byte) 0xaf},                        // overlong "/"
        };
        for (byte[] name : bad) {
            run(export().op(15, w -> w.writeOpaque(name))).expect(24, 0).expect(15, 0).expect(15, Nfs4Status.INVAL);
            run(export().op(33, w -> w.writeOpaque(name))).expect(24, 0).expect(15, 0).expect(33, Nfs4Status.INVAL);
            run(export().op(28, w -> w.writeOpaque(name))).expect(24, 0).expect(15, 0).expect(28, Nfs4Status.INVAL);
            run(export().op(6, w -> { w.writeInt(2).writeOpaque(name); w.writeInt(0).writeInt(0); }))
                    .expect(24, 0).expect(15, 0).expect(6, Nfs4Status.INVAL);
            run(export().op(32).op(29, w -> w.writeString("plain").writeOpaque(name)))
                    .expect(24, 0).expect(15, 0).expect(32, 0).expect(29, Nfs4Status.INVAL);
            run(export().op(32).op(29, w -> w.writeOpaque(name).writeString("other")))
                    .expect(24, 0).expect(15, 0).expect(32, 0).expect(29, Nfs4Status.INVAL);
            run(export().lookup("plain").op(32).putRootFh().lookup("export").op(11, w -> w.writeOpaque(name)))
                    .expect(24, 0).expect(15, 0).expect(15, 0).expect(32, 0).expect(24, 0).expect(15, 0)
                    .expect(11, Nfs4Status.INVAL);
        }
        run(export().lookup("plain")).expect(24, 0).expect(15, 0).expect(15, 0);
        // characters beside the noncharacters stay valid: U+FFFC, U+FDCF, U+10FFFD
        for (String ok : new String[] {"\uFFFC", "\uFDCF", new String(Character.toChars(0x10FFFD))}) {
            run(export().op(6, w -> { w.writeInt(2).writeString(ok); w.writeInt(0).writeInt(0); }))
                    .expect(24, 0).expect(15, 0).expect(6, 0);
        }
    }

    @Test
    void destroyingTheCompoundsOwnSessionMustBeItsLastOperation() throws XdrException {
        var ex = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8])
                .writeString("destroy-last").writeInt(0).writeInt(0).writeInt(0)));
        ex.expect(Nfs4Ops.EXCHANGE_ID, 0);
        long id = ex.in().readLong();
        int seq = ex.in().readInt();
        var cs = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION,
                Nfs4SessionRulesTest.createArgs(id, seq, 0, 1 << 20, 1 << 20, 4096, 16)));
        cs.expect(Nfs4Ops.CREATE_SESSION, 0);
        byte[] session = cs.in().readFixedOpaque(16);

        var early = run(new Compound("", 1).sequence(session, 1, 0)
                .op(Nfs4Ops.DESTROY_SESSION, w -> w.writeFixedOpaque(session)).putRootFh());
        assertThat(early.status()).isEqualTo(Nfs4Status.NOT_ONLY_OP);
        early.sequenceOk().expect(Nfs4Ops.DESTROY_SESSION, Nfs4Status.NOT_ONLY_OP);
        assertThat(early.count()).isEqualTo(2);

        run(new Compound("", 1).sequence(session, 2, 0).putRootFh()).sequenceOk().expect(24, 0);
        var last = run(new Compound("", 1).sequence(session, 3, 0).putRootFh()
                .op(Nfs4Ops.DESTROY_SESSION, w -> w.writeFixedOpaque(session)));
        last.sequenceOk().expect(24, 0).expect(Nfs4Ops.DESTROY_SESSION, 0);
        run(new Compound("", 1).sequence(session, 4, 0)).expect(Nfs4Ops.SEQUENCE, Nfs4Status.BADSESSION);
    }

    @Test
    void createSessionWithABackChannelProbesItWithCbNullOfTheClientsProgram() throws Exception {
        record Sent(int program, int version, int procedure) {
        }
        var sent = new java.util.concurrent.LinkedBlockingQueue<Sent>();
        io.dittofs.gateway.rpc.RpcClient clientSide = (program, version, procedure, credential, args) -> {
            sent.add(new Sent(program, version, procedure));
            return java.util.concurrent.CompletableFuture.completedFuture(new io.dittofs.gateway.rpc.RpcReply(1,
                    new io.dittofs.gateway.rpc.ReplyStatus(true, 0, 0, 0), new byte[0]));
        };
        var withBack = new io.dittofs.gateway.rpc.CallContext(alice.remote(), alice.local(), alice.credential(), true,
                clientSide);
        var ex = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8])
                .writeString("probe").writeInt(0).writeInt(0).writeInt(0)), withBack);
        ex.expect(Nfs4Ops.EXCHANGE_ID, 0);
        long id = ex.in().readLong();
        int seq = ex.in().readInt();
        var cs = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, w -> {
            Nfs4SessionRulesTest.createArgs(id, seq, 0x2, 1 << 20, 1 << 20, 4096, 16).accept(w);
        }), withBack);
        cs.expect(Nfs4Ops.CREATE_SESSION, 0);
        cs.in().readFixedOpaque(16);
        cs.in().readInt();
        assertThat(cs.in().readInt() & 0x2).as("CONN_BACK_CHAN granted").isEqualTo(0x2);
        Sent probe = sent.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(probe).as("CB_NULL, version 1, of the program createArgs offers").isEqualTo(new Sent(0x40000000, 1, 0));
        assertThat(sent).isEmpty();
    }

    private static Compound export() {
        return new Compound("", 0).putRootFh().lookup("export");
    }
}

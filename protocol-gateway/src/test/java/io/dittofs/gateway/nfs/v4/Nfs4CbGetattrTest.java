package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.attr.Owners;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.ReplyStatus;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcReply;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CB_GETATTR (RFC 8881 §10.4.3, §20.1): client B's GETATTR of change and size of a file client A
 * holds a write delegation of is answered with what A's callback service (a stand-in here) says.
 */
class Nfs4CbGetattrTest extends Nfs4FixtureTestBase {

    static final int OPEN = 18;
    static final int PUTFH = 22;

    /** What A's callback service answers CB_GETATTR with: null for an error status. */
    volatile long[] holder;
    /** Per CB_COMPOUND: minor version and operation codes. */
    final List<int[]> sent = new CopyOnWriteArrayList<>();
    AutoCloseable watch;
    final CallContext bob = GatewayFixture.context("127.0.0.1", GatewayFixture.user(1000, 1000));
    CallContext aliceWithBackChannel;

    @BeforeEach
    void withCallbacks() {
        ClientStates clients = new ClientStates(locks);
        Nfs4Callbacks cb = new Nfs4Callbacks(clients, null);
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                clients, Owners.NUMERIC, cb));
        watch = locks.watch(cb);
        RpcClient back = (program, version, procedure, credential, args) -> {
            byte[] results = procedure == 1 ? answer(args) : new byte[0];
            return CompletableFuture.completedFuture(new RpcReply(1, new ReplyStatus(true, 0, 0, 0), results));
        };
        aliceWithBackChannel = new CallContext(alice.remote(), alice.local(), alice.credential(), true, back);
    }

    @AfterEach
    void endWatch() throws Exception {
        watch.close();
    }

    /** Decodes the CB_COMPOUND and answers CB_SEQUENCE OK and CB_GETATTR with {@link #holder}. */
    private byte[] answer(java.util.function.Consumer<XdrWriter> args) {
        ByteBuf buf = Unpooled.buffer();
        args.accept(new XdrWriter(buf));
        XdrReader in = new XdrReader(buf);
        ByteBuf res = Unpooled.buffer();
        XdrWriter out = new XdrWriter(res);
        try {
            in.readString(64);
            int minor = in.readInt();
            in.readInt();
            int n = in.readInt();
            int[] record = new int[n + 1];
            record[0] = minor;
            ByteBuf ops = Unpooled.buffer();
            XdrWriter o = new XdrWriter(ops);
            int status = 0;
            for (int i = 0; i < n; i++) {
                int code = in.readInt();
                record[i + 1] = code;
                if (code == 11) {
                    byte[] sid = in.readFixedOpaque(16);
                    int seq = in.readInt();
                    in.skip(8);
                    in.readBool();
                    in.readInt();
                    o.writeInt(11).writeInt(0).writeFixedOpaque(sid).writeInt(seq).writeInt(0).writeInt(0).writeInt(0);
                } else if (code == 3) {
                    in.readOpaque(128);
                    Bitmap asked = Bitmap.read(in);
                    assertThat(asked).isEqualTo(Bitmap.of(Fattr4.CHANGE, Fattr4.SIZE));
                    long[] h = holder;
                    if (h == null) {
                        status = Nfs4Status.SERVERFAULT;
                        o.writeInt(3).writeInt(status);
                    } else {
                        o.writeInt(3).writeInt(0);
                        asked.write(o);
                        o.writeInt(16).writeLong(h[0]).writeLong(h[1]);
                    }
                } else if (code == 4) {
                    Stateid.read(in);
                    in.readBool();
                    in.readOpaque(128);
                    o.writeInt(4).writeInt(0);
                }
            }
            sent.add(record);
            out.writeInt(status).writeString("").writeInt(n);
            res.writeBytes(ops);
            byte[] b = new byte[res.readableBytes()];
            res.getBytes(0, b);
            return b;
        } catch (XdrException e) {
            throw new AssertionError(e);
        }
    }

    final class Client {
        final byte[] session;
        final CallContext ctx;
        int seq = 1;

        Client(String owner, CallContext ctx, boolean back) throws XdrException {
            this.ctx = ctx;
            var ex = run(new Compound("", 2).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8])
                    .writeOpaque(owner.getBytes(StandardCharsets.UTF_8)).writeInt(0).writeInt(0).writeInt(0)), ctx);
            ex.expect(Nfs4Ops.EXCHANGE_ID, 0);
            long id = ex.in().readLong();
            int s = ex.in().readInt();
            var cs = run(new Compound("", 2).op(Nfs4Ops.CREATE_SESSION,
                    Nfs4SessionRulesTest.createArgs(id, s, back ? 0x2 : 0, 1 << 20, 1 << 20, 4096, 16)), ctx);
            cs.expect(Nfs4Ops.CREATE_SESSION, 0);
            session = cs.in().readFixedOpaque(16);
            run(next().op(58, w -> w.writeBool(false)), ctx).sequenceOk().expect(58, 0);
        }

        Compound next() {
            return new Compound("", 2).sequence(session, seq++, 0);
        }
    }

    /** A's read-write create with a write delegation: its handle. */
    byte[] delegated(Client a, String name) throws XdrException {
        var r = run(a.next().putRootFh().lookup("export")
                .op(OPEN, Nfs4DelegationTest.openArgs("oa", name, 3, true)).getFh(), a.ctx);
        r.sequenceOk().expect(24, 0).expect(15, 0).expect(OPEN, 0);
        Stateid.read(r.in());
        r.in().readBool();
        r.in().readLong();
        r.in().readLong();
        r.in().readInt();
        Bitmap.read(r.in());
        assertThat(r.in().readInt()).as("write delegation").isEqualTo(2);
        Stateid.read(r.in());
        r.in().readBool();
        r.in().readInt();
        r.in().readLong();
        r.in().skip(12);
        r.in().readString(1024);
        r.expect(10, 0);
        return r.in().readOpaque(128);
    }

    /** GETATTR change and size: {status, change, size}. */
    long[] getattr(Client c, byte[] fh) throws XdrException {
        var r = run(c.next().op(PUTFH, w -> w.writeOpaque(fh)).getAttr(Fattr4.CHANGE, Fattr4.SIZE), c.ctx);
        r.sequenceOk().expect(PUTFH, 0);
        assertThat(r.in().readInt()).isEqualTo(9);
        int status = r.in().readInt();
        if (status != 0) {
            return new long[] {status, 0, 0};
        }
        Bitmap.read(r.in());
        r.in().readInt();
        return new long[] {0, r.in().readLong(), r.in().readLong()};
    }

    @Test
    void theHoldersSizeAndAMovedChangeAreAnsweredToAnotherClient() throws Exception {
        Client a = new Client("cbg-a", aliceWithBackChannel, true);
        Client b = new Client("cbg-b", bob, false);
        byte[] fh = delegated(a, "held");
        long[] own = getattr(a, fh);
        assertThat(sent).as("the holder's own GETATTR asks nobody").isEmpty();

        holder = new long[] {own[1], own[2]};
        long[] same = getattr(b, fh);
        assertThat(same).as("unchanged in the holder's cache").containsExactly(0, own[1], own[2]);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).as("minor version 2, CB_SEQUENCE + CB_GETATTR").containsExactly(2, 11, 3);

        holder = new long[] {own[1] + 1, 5};
        long[] moved = getattr(b, fh);
        assertThat(moved[0]).isZero();
        assertThat(moved[2]).as("the holder's size").isEqualTo(5);
        assertThat(moved[1]).as("a new change").isNotEqualTo(own[1]);
        long[] steady = getattr(b, fh);
        assertThat(steady[1]).as("no further change reported: the same value").isEqualTo(moved[1]);
    }

    @Test
    void aHolderThatAnswersAnErrorIsRecalledAndTheGetattrWaits() throws Exception {
        Client a = new Client("cbe-a", aliceWithBackChannel, true);
        Client b = new Client("cbe-b", bob, false);
        byte[] fh = delegated(a, "failing");
        holder = null;
        assertThat(getattr(b, fh)[0]).isEqualTo(Nfs4Status.DELAY);
        for (int i = 0; i < 100 && sent.stream().noneMatch(r -> r.length > 2 && r[2] == 4); i++) {
            Thread.sleep(50);
        }
        assertThat(sent.stream().anyMatch(r -> r.length > 2 && r[2] == 4)).as("CB_RECALL sent").isTrue();
    }
}

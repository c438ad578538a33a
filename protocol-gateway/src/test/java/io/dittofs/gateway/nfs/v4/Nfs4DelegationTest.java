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
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegations end to end through the real lock-service and its event stream: client A (NFSv4.1
 * with a back channel, here a recording stand-in for its callback service) gets a delegation;
 * client B's conflicting OPEN or REMOVE makes the lock-service break it, the gateway sends
 * CB_SEQUENCE + CB_RECALL over A's back channel, B gets DELAY until A's DELEGRETURN, then succeeds.
 */
class Nfs4DelegationTest extends Nfs4FixtureTestBase {

    static final int OPEN = 18;
    static final int READ = 25;
    static final int REMOVE = 28;
    static final int PUTFH = 22;
    static final int DELEGRETURN = 8;
    static final int FREE_STATEID = 45;
    static final int TEST_STATEID = 55;
    static final int WANT_READ_DELEG = 0x100;
    static final int WANT_NO_DELEG = 0x400;

    /** A CB_COMPOUND the gateway sent: its operations' codes and the recalled stateid. */
    record Callback(int minor, int[] ops, Stateid recalled) {
    }

    final LinkedBlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
    /** The status A's callback service answers CB_COMPOUND with. */
    volatile int callbackStatus;
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
            if (procedure == 1) {
                callbacks.add(decode(args));
            }
            byte[] results = new byte[4];
            results[3] = (byte) callbackStatus;
            return CompletableFuture.completedFuture(new RpcReply(1, new ReplyStatus(true, 0, 0, 0), results));
        };
        aliceWithBackChannel = new CallContext(alice.remote(), alice.local(), alice.credential(), true, back);
    }

    @AfterEach
    void endWatch() throws Exception {
        watch.close();
    }

    private static Callback decode(java.util.function.Consumer<XdrWriter> args) {
        var buf = Unpooled.buffer();
        args.accept(new XdrWriter(buf));
        XdrReader in = new XdrReader(buf);
        try {
            in.readString(64);
            int minor = in.readInt();
            in.readInt();
            int n = in.readInt();
            int[] ops = new int[n];
            Stateid recalled = null;
            for (int i = 0; i < n; i++) {
                ops[i] = in.readInt();
                if (ops[i] == 11) {
                    in.readFixedOpaque(16);
                    in.skip(12);
                    in.readBool();
                    in.readInt();
                } else if (ops[i] == 4) {
                    recalled = Stateid.read(in);
                    in.readBool();
                    in.readOpaque(128);
                }
            }
            return new Callback(minor, ops, recalled);
        } catch (XdrException e) {
            throw new AssertionError(e);
        }
    }

    /** A 4.1 client with a session; with {@code back} its connection is offered as the back channel. */
    final class Client {
        final byte[] session;
        final CallContext ctx;
        int seq = 1;

        Client(String owner, CallContext ctx, boolean back) throws XdrException {
            this.ctx = ctx;
            var ex = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8])
                    .writeOpaque(owner.getBytes(StandardCharsets.UTF_8)).writeInt(0).writeInt(0).writeInt(0)), ctx);
            ex.expect(Nfs4Ops.EXCHANGE_ID, 0);
            long id = ex.in().readLong();
            int s = ex.in().readInt();
            var cs = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION,
                    Nfs4SessionRulesTest.createArgs(id, s, back ? 0x2 : 0, 1 << 20, 1 << 20, 4096, 16)), ctx);
            cs.expect(Nfs4Ops.CREATE_SESSION, 0);
            session = cs.in().readFixedOpaque(16);
            run(next().op(58, w -> w.writeBool(false))).sequenceOk().expect(58, 0);
        }

        Compound next() {
            return new Compound("", 1).sequence(session, seq++, 0);
        }

        Result call(Compound c) {
            return run(c, ctx);
        }
    }

    record Opened(int status, Stateid open, int delegType, Stateid deleg, int whyNone, byte[] fh) {
    }

    static java.util.function.Consumer<XdrWriter> openArgs(String owner, String name, int access, boolean create) {
        return w -> {
            w.writeInt(0).writeInt(access).writeInt(0).writeLong(0).writeString(owner);
            if (create) {
                w.writeInt(1).writeInt(0);
                Bitmap.of(Fattr4.MODE).write(w);
                w.writeInt(4).writeInt(0666);
            } else {
                w.writeInt(0);
            }
            w.writeInt(0).writeString(name);
        };
    }

    Opened open(Client c, String owner, String name, int access, boolean create) throws XdrException {
        var r = c.call(c.next().putRootFh().lookup("export").op(OPEN, openArgs(owner, name, access, create)).getFh());
        r.sequenceOk().expect(24, 0).expect(15, 0);
        assertThat(r.in().readInt()).isEqualTo(OPEN);
        int status = r.in().readInt();
        if (status != 0) {
            return new Opened(status, null, -1, null, -1, null);
        }
        Stateid sid = Stateid.read(r.in());
        r.in().readBool();
        r.in().readLong();
        r.in().readLong();
        r.in().readInt();
        Bitmap.read(r.in());
        int type = r.in().readInt();
        Stateid deleg = null;
        int why = -1;
        switch (type) {
            case 1, 2 -> {
                deleg = Stateid.read(r.in());
                r.in().readBool();
                if (type == 2) {
                    r.in().readInt();
                    r.in().readLong();
                }
                r.in().skip(12);
                r.in().readString(1024);
            }
            case 3 -> {
                why = r.in().readInt();
                if (why == 1 || why == 2) {
                    r.in().readBool();
                }
            }
            default -> { }
        }
        r.expect(10, 0);
        return new Opened(0, sid, type, deleg, why, r.in().readOpaque(128));
    }

    Result onFile(Client c, byte[] fh, int opcode, java.util.function.Consumer<XdrWriter> args) {
        return c.call(c.next().op(PUTFH, w -> w.writeOpaque(fh)).op(opcode, args));
    }

    @Test
    void aConflictingOpenRecallsTheDelegationAndWaitsForDelegReturn() throws Exception {
        Client a = new Client("deleg-a", aliceWithBackChannel, true);
        Client b = new Client("deleg-b", bob, false);
        Opened mine = open(a, "oa", "recalled", 1, true);
        assertThat(mine.delegType()).as("read delegation").isEqualTo(1);
        assertThat(callbacks).isEmpty();

        Opened blocked = open(b, "ob", "recalled", 2, false);
        assertThat(blocked.status()).as("B waits for the recall").isEqualTo(Nfs4Status.DELAY);
        Callback recall = callbacks.poll(10, TimeUnit.SECONDS);
        assertThat(recall).as("CB_COMPOUND sent to A").isNotNull();
        assertThat(recall.minor()).isEqualTo(1);
        assertThat(recall.ops()).containsExactly(11, 4);
        assertThat(recall.recalled()).isEqualTo(mine.deleg());
        assertThat(open(b, "ob", "recalled", 2, false).status()).as("still recalling").isEqualTo(Nfs4Status.DELAY);

        // A may still read through its delegation until it returns it
        onFile(a, mine.fh(), READ, w -> { mine.deleg().write(w); w.writeLong(0).writeInt(10); })
                .sequenceOk().expect(PUTFH, 0).expect(READ, 0);
        onFile(a, mine.fh(), DELEGRETURN, w -> mine.deleg().write(w)).sequenceOk().expect(PUTFH, 0)
                .expect(DELEGRETURN, 0);

        Opened after = open(b, "ob", "recalled", 2, false);
        assertThat(after.status()).as("B's open goes on after DELEGRETURN").isZero();
        assertThat(after.delegType()).as("no delegation without a back channel").isZero();
        onFile(a, mine.fh(), READ, w -> { mine.deleg().write(w); w.writeLong(0).writeInt(10); })
                .sequenceOk().expect(PUTFH, 0).expect(READ, Nfs4Status.BAD_STATEID);
        assertThat(callbacks).as("one recall").isEmpty();
    }

    @Test
    void anotherClientsRemoveWaitsForTheRecall() throws Exception {
        Client a = new Client("rm-a", aliceWithBackChannel, true);
        Client b = new Client("rm-b", bob, false);
        Opened mine = open(a, "oa", "removed", 3, true);
        assertThat(mine.delegType()).as("write delegation for a read-write open").isEqualTo(2);
        var rm = b.call(b.next().putRootFh().lookup("export").op(REMOVE, w -> w.writeString("removed")));
        rm.sequenceOk().expect(24, 0).expect(15, 0).expect(REMOVE, Nfs4Status.DELAY);
        assertThat(callbacks.poll(10, TimeUnit.SECONDS).recalled()).isEqualTo(mine.deleg());
        onFile(a, mine.fh(), DELEGRETURN, w -> mine.deleg().write(w)).sequenceOk().expect(PUTFH, 0)
                .expect(DELEGRETURN, 0);
        b.call(b.next().putRootFh().lookup("export").op(REMOVE, w -> w.writeString("removed")))
                .sequenceOk().expect(24, 0).expect(15, 0).expect(REMOVE, 0);
    }

    @Test
    void aRecallTheClientRefusesRevokesTheDelegation() throws Exception {
        Client a = new Client("rev-a", aliceWithBackChannel, true);
        Client b = new Client("rev-b", bob, false);
        Opened mine = open(a, "oa", "revoked", 1, true);
        assertThat(mine.delegType()).isEqualTo(1);
        callbackStatus = Nfs4Status.INVAL;
        assertThat(open(b, "ob", "revoked", 2, false).status()).isEqualTo(Nfs4Status.DELAY);
        assertThat(callbacks.poll(10, TimeUnit.SECONDS)).isNotNull();
        Opened after = null;
        for (int i = 0; i < 100 && (after == null || after.status() != 0); i++) {
            Thread.sleep(50);
            after = open(b, "ob", "revoked", 2, false);
        }
        assertThat(after.status()).as("the revoked delegation no longer blocks B").isZero();
        onFile(a, mine.fh(), READ, w -> { mine.deleg().write(w); w.writeLong(0).writeInt(10); })
                .sequenceOk().expect(PUTFH, 0).expect(READ, Nfs4Status.DELEG_REVOKED);
        var seq = a.call(a.next());
        seq.expect(Nfs4Ops.SEQUENCE, 0);
        seq.in().skip(16 + 4 * 4);
        assertThat(seq.in().readInt() & 0x40).as("SEQ4_STATUS_RECALLABLE_STATE_REVOKED").isEqualTo(0x40);
        var tested = a.call(a.next().op(TEST_STATEID, w -> { w.writeInt(1); mine.deleg().write(w); }));
        tested.sequenceOk().expect(TEST_STATEID, 0);
        assertThat(tested.in().readInt()).isEqualTo(1);
        assertThat(tested.in().readInt()).isEqualTo(Nfs4Status.DELEG_REVOKED);
        a.call(a.next().op(FREE_STATEID, w -> mine.deleg().write(w))).sequenceOk().expect(FREE_STATEID, 0);
        var cleared = a.call(a.next());
        cleared.expect(Nfs4Ops.SEQUENCE, 0);
        cleared.in().skip(16 + 4 * 4);
        assertThat(cleared.in().readInt() & 0x40).isZero();
    }

    @Test
    void wantFlagsChooseOrRefuseTheDelegation() throws Exception {
        Client a = new Client("want-a", aliceWithBackChannel, true);
        Opened none = open(a, "o1", "wanted", 1 | WANT_NO_DELEG, true);
        assertThat(none.delegType()).as("OPEN_DELEGATE_NONE_EXT").isEqualTo(3);
        assertThat(none.whyNone()).as("WND4_NOT_WANTED").isZero();
        Opened read = open(a, "o2", "wanted-rw", 3 | WANT_READ_DELEG, true);
        assertThat(read.delegType()).as("a read delegation although the open writes").isEqualTo(1);
        Opened again = open(a, "o3", "wanted-rw", 1 | WANT_READ_DELEG, false);
        assertThat(again.delegType()).as("one delegation per client and file").isEqualTo(3);
        Client noBack = new Client("want-b", bob, false);
        assertThat(open(noBack, "o4", "plain", 1, true).delegType()).as("no back channel, no delegation").isZero();
    }

    @Test
    void callbackUniversalAddressesAreParsedStrictly() {
        assertThat(Nfs4Callbacks.address("tcp", "127.0.0.1.3.232")).contains(new java.net.InetSocketAddress("127.0.0.1", 1000));
        assertThat(Nfs4Callbacks.address("tcp6", "::1.0.111")).contains(new java.net.InetSocketAddress("::1", 111));
        assertThat(Nfs4Callbacks.address("udp", "127.0.0.1.3.232")).as("callbacks over TCP only").isEmpty();
        assertThat(Nfs4Callbacks.address("tcp", "client.example.3.232")).as("no DNS lookups").isEmpty();
        for (String bad : new String[]{"", ".", "1.2", "127.0.0.1.300.1x", "127.0.0.1.0.0", "127.0.0.1.256.0", "..1.1"}) {
            assertThat(Nfs4Callbacks.address("tcp", bad)).as(bad).isEmpty();
        }
    }
}

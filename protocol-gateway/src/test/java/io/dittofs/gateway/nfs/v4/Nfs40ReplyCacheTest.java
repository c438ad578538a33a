package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The NFSv4.0 duplicate request cache: through the real program and services, and alone. */
class Nfs40ReplyCacheTest extends Nfs4FixtureTestBase {

    private Nfs40ReplyCache replies;

    @BeforeEach
    void programWithItsOwnCache() {
        replies = new Nfs40ReplyCache(16, Nfs40ReplyCache.MAX_REPLY * 2L);
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new ClientStates(null)), 0, 1, ProtocolOps.DISABLED, replies);
    }

    private byte[] call(int xid, Compound c, CallContext ctx) {
        ByteBuf args = Unpooled.wrappedBuffer(c.bytes());
        ByteBuf out = Unpooled.buffer();
        try {
            assertThat(nfs4.call(ctx, new RpcCall(xid, Nfs4Program.PROGRAM, 4, Nfs4Program.COMPOUND,
                    ctx.credential(), args), new XdrWriter(out)).success()).isTrue();
            byte[] reply = new byte[out.readableBytes()];
            out.readBytes(reply);
            return reply;
        } finally {
            args.release();
            out.release();
        }
    }

    private static int status(byte[] reply) throws XdrException {
        return new XdrReader(Unpooled.wrappedBuffer(reply)).readInt();
    }

    private static Compound mkdir(String name, int minor) {
        return new Compound("", minor).putRootFh().lookup("export").op(6, w -> {
            w.writeInt(2).writeString(name);
            w.writeInt(0).writeInt(0);
        });
    }

    @Test
    void aRetransmittedCreateGetsTheFirstReplyAndANewXidRunsAgain() throws XdrException {
        byte[] first = call(7, mkdir("once", 0), alice);
        assertThat(status(first)).isEqualTo(Nfs4Status.OK);
        assertThat(replies.size()).isEqualTo(1);
        assertThat(call(7, mkdir("once", 0), alice)).as("retransmission").isEqualTo(first);
        assertThat(status(call(8, mkdir("once", 0), alice))).as("a new call").isEqualTo(Nfs4Status.EXIST);
        var bob = io.dittofs.gateway.fixture.GatewayFixture.context("127.0.0.2",
                io.dittofs.gateway.fixture.GatewayFixture.user(1000, 1000));
        assertThat(status(call(7, mkdir("once", 0), bob))).as("same xid from another address")
                .isEqualTo(Nfs4Status.EXIST);
        var otherPort = new CallContext(new java.net.InetSocketAddress("127.0.0.1", 801), alice.credential(), true);
        assertThat(status(call(7, mkdir("once", 0), otherPort))).as("same xid from another port (another client)")
                .isEqualTo(Nfs4Status.EXIST);
    }

    @Test
    void aFailedNonIdempotentOperationIsRepeatedAsItFailed() throws XdrException {
        assertThat(status(call(1, mkdir("twice", 0), alice))).isEqualTo(Nfs4Status.OK);
        byte[] refused = call(2, mkdir("twice", 0), alice);
        assertThat(status(refused)).isEqualTo(Nfs4Status.EXIST);
        fixture.fs.remove(io.dittofs.gateway.identity.Principal.root(),
                fixture.fs.root(io.dittofs.gateway.identity.Principal.root(), "export").handle(), "twice",
                io.dittofs.gateway.fs.model.RemoveKind.DIRECTORY);
        assertThat(call(2, mkdir("twice", 0), alice)).as("the same answer, though it would succeed now")
                .isEqualTo(refused);
    }

    @Test
    void readOnlyCompoundsAndMinorVersionOneAreNotKept() throws XdrException {
        assertThat(status(call(3, new Compound("", 0).putRootFh().lookup("export").getFh(), alice)))
                .isEqualTo(Nfs4Status.OK);
        assertThat(replies.size()).as("nothing changed: nothing kept").isZero();
        // 4.1 without SEQUENCE is refused before anything runs, every time; its slots are its cache
        assertThat(status(call(4, mkdir("v41", 1), alice))).isEqualTo(Nfs4Status.OP_NOT_IN_SESSION);
        assertThat(replies.size()).isZero();
    }

    @Test
    void minorVersionIsPeekedAfterThePaddedTag() {
        assertThat(Nfs4Program.minorVersion(Unpooled.wrappedBuffer(new Compound("abcde", 1).bytes()))).isEqualTo(1);
        assertThat(Nfs4Program.minorVersion(Unpooled.wrappedBuffer(new Compound("", 0).bytes()))).isZero();
        assertThat(Nfs4Program.minorVersion(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 9, 1, 2, 3, 4})))
                .as("tag longer than the arguments").isEqualTo(-1);
        assertThat(Nfs4Program.minorVersion(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 0, 0, 0, 0}))).as("huge tag length").isEqualTo(-1);
    }

    @Test
    void aRetransmissionWaitsForTheRunningOriginal() throws Exception {
        var cache = new Nfs40ReplyCache(4, Nfs40ReplyCache.MAX_REPLY);
        var key = new Nfs40ReplyCache.Key("10.0.0.1", 1, 8, 42);
        assertThat(cache.begin(key)).isNull();
        CompletableFuture<byte[]> waiting = cache.begin(key);
        assertThat(waiting).isNotNull().isNotDone();
        cache.finish(key, new byte[] {1, 2, 3});
        assertThat(waiting.get(1, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
        assertThat(cache.begin(key).getNow(null)).containsExactly(1, 2, 3);
    }

    @Test
    void repliesAreBoundedBySizeAndByteBudgetAndCount() throws Exception {
        var cache = new Nfs40ReplyCache(2, Nfs40ReplyCache.MAX_REPLY);
        var big = new Nfs40ReplyCache.Key("a", 1, 0, 0);
        cache.begin(big);
        cache.finish(big, new byte[Nfs40ReplyCache.MAX_REPLY + 1]);
        assertThat(cache.size()).as("too large to keep").isZero();

        var k1 = new Nfs40ReplyCache.Key("a", 2, 0, 0);
        var k2 = new Nfs40ReplyCache.Key("a", 3, 0, 0);
        cache.begin(k1);
        cache.finish(k1, new byte[40_000]);
        cache.begin(k2);
        cache.finish(k2, new byte[40_000]);
        assertThat(cache.size()).as("the byte budget evicts the oldest").isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(40_000);
        assertThat(cache.begin(k1)).as("k1 was evicted, runs anew").isNull();

        var single = new Nfs40ReplyCache(1, Nfs40ReplyCache.MAX_REPLY);
        var k3 = new Nfs40ReplyCache.Key("a", 4, 0, 0);
        assertThat(single.begin(k1)).isNull();
        CompletableFuture<byte[]> k1Waiter = single.begin(k1);
        assertThat(single.begin(k3)).isNull();
        assertThat(k1Waiter.get(1, TimeUnit.SECONDS)).as("evicted while running: its waiter runs it itself").isNull();
        single.finish(k1, new byte[] {9});
        assertThat(single.size()).isEqualTo(1);
        assertThat(single.bytes()).isZero();

        long[] now = {0};
        var aging = new Nfs40ReplyCache(4, Nfs40ReplyCache.MAX_REPLY, java.time.Duration.ofSeconds(120), () -> now[0]);
        aging.begin(k1);
        aging.finish(k1, new byte[] {5});
        now[0] += java.time.Duration.ofSeconds(120).toNanos();
        assertThat(aging.begin(k1).getNow(null)).as("at the age limit").containsExactly(5);
        now[0] += 1;
        assertThat(aging.begin(k1)).as("older: runs anew").isNull();
        assertThat(aging.bytes()).isZero();

        var off = new Nfs40ReplyCache(0, Nfs40ReplyCache.MAX_REPLY);
        assertThat(off.begin(k1)).isNull();
        assertThat(off.begin(k1)).as("0 entries: disabled").isNull();
    }
}

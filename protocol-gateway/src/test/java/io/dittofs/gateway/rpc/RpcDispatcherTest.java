package io.dittofs.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reply states (RFC 5531 §9), (program, version) registration, authentication and the duplicate request cache. */
class RpcDispatcherTest {

    final AtomicInteger runs = new AtomicInteger();
    /** Above the size from which a last opaque gets a buffer of its own, not a multiple of four. */
    static final byte[] LARGE = new byte[XdrWriter.ATTACH_MIN + 3];

    static {
        new java.util.Random(7).nextBytes(LARGE);
    }

    final RpcProgram program = new RpcProgram() {
        @Override
        public int program() {
            return 400000;
        }

        @Override
        public int lowVersion() {
            return 2;
        }

        @Override
        public int highVersion() {
            return 3;
        }

        @Override
        public boolean nonIdempotent(int version, int procedure) {
            return procedure == 2;
        }

        @Override
        public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
            runs.incrementAndGet();
            return switch (call.procedure()) {
                case 0 -> Outcome.SUCCESS;
                case 1 -> {
                    try {
                        out.writeInt(new XdrReader(call.args()).readInt() + 1);
                        yield Outcome.SUCCESS;
                    } catch (XdrException e) {
                        yield Outcome.GARBAGE_ARGS;
                    }
                }
                case 2 -> {
                    out.writeInt(runs.get());
                    yield Outcome.SUCCESS;
                }
                case 3 -> throw new IllegalStateException("bug");
                case 4 -> Outcome.authError(AuthStat.TOOWEAK);
                case 5 -> {
                    out.writeInt(7).writeLastOpaque(java.nio.ByteBuffer.wrap(LARGE));
                    yield Outcome.SUCCESS;
                }
                case 6 -> {
                    out.writeLastOpaque(java.nio.ByteBuffer.wrap(LARGE));
                    yield Outcome.SYSTEM_ERR;
                }
                default -> Outcome.PROC_UNAVAIL;
            };
        }
    };

    final RpcDispatcher dispatcher = new RpcDispatcher(RpcRegistry.of(List.of(program)), new DuplicateRequestCache(16),
            AuthFlavors.standard());
    final CallContext ctx = new CallContext(new InetSocketAddress("127.0.0.1", 999), new Credential.None(), true);

    ByteBuf dispatch(int prog, int vers, int proc, ByteBuf args) {
        return dispatcher.dispatch(ByteBufAllocator.DEFAULT, ctx, new RpcCall(42, prog, vers, proc, new Credential.None(), args));
    }

    static int[] words(ByteBuf b) {
        int[] w = new int[b.readableBytes() / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = b.readInt();
        }
        b.release();
        return w;
    }

    @Test
    void successCarriesResults() {
        assertThat(words(dispatch(400000, 2, 1, Unpooled.buffer().writeInt(41)))).containsExactly(42, 1, 0, 0, 0, 0, 42);
    }

    @Test
    void unknownProgramVersionProcedureAndGarbage() {
        assertThat(words(dispatch(1, 2, 0, Unpooled.EMPTY_BUFFER))).containsExactly(42, 1, 0, 0, 0, RpcReplies.PROG_UNAVAIL);
        assertThat(words(dispatch(400000, 7, 0, Unpooled.EMPTY_BUFFER)))
                .containsExactly(42, 1, 0, 0, 0, RpcReplies.PROG_MISMATCH, 2, 3);
        assertThat(words(dispatch(400000, 2, 99, Unpooled.EMPTY_BUFFER))).containsExactly(42, 1, 0, 0, 0, RpcReplies.PROC_UNAVAIL);
        assertThat(words(dispatch(400000, 2, 1, Unpooled.buffer().writeShort(1))))
                .containsExactly(42, 1, 0, 0, 0, RpcReplies.GARBAGE_ARGS);
        assertThat(words(dispatch(400000, 2, 3, Unpooled.EMPTY_BUFFER))).containsExactly(42, 1, 0, 0, 0, RpcReplies.SYSTEM_ERR);
        assertThat(words(dispatch(400000, 2, 4, Unpooled.EMPTY_BUFFER))).containsExactly(42, 1, 1, 1, AuthStat.TOOWEAK.code);
    }

    /** A large last opaque (NFSv3 READ data) leaves in a pooled buffer of its own, appended to the reply. */
    @Test
    void aLargeLastOpaqueIsAppendedToTheReplyAndReleasedOnFailure() throws Exception {
        ByteBuf reply = dispatch(400000, 2, 5, Unpooled.EMPTY_BUFFER);
        assertThat(reply).isInstanceOf(io.netty.buffer.CompositeByteBuf.class);
        XdrReader in = new XdrReader(reply);
        for (int expected : new int[] {42, 1, 0, 0, 0, 0, 7}) {
            assertThat(in.readInt()).isEqualTo(expected);
        }
        assertThat(in.readOpaque(LARGE.length)).isEqualTo(LARGE);
        assertThat(reply.isReadable()).as("padded to four bytes, nothing after").isFalse();
        reply.release();

        ByteBufAllocator counting = new io.netty.buffer.UnpooledByteBufAllocator(true);
        java.util.List<ByteBuf> taken = new java.util.ArrayList<>();
        ByteBufAllocator recording = new io.netty.buffer.AbstractByteBufAllocator(true) {
            @Override
            protected ByteBuf newHeapBuffer(int initial, int max) {
                ByteBuf b = counting.heapBuffer(initial, max);
                taken.add(b);
                return b;
            }

            @Override
            protected ByteBuf newDirectBuffer(int initial, int max) {
                ByteBuf b = counting.directBuffer(initial, max);
                taken.add(b);
                return b;
            }

            @Override
            public boolean isDirectBufferPooled() {
                return false;
            }
        };
        ByteBuf failed = dispatcher.dispatch(recording, ctx, new RpcCall(43, 400000, 2, 6, new Credential.None(),
                Unpooled.EMPTY_BUFFER));
        assertThat(words(failed)).containsExactly(43, 1, 0, 0, 0, RpcReplies.SYSTEM_ERR);
        assertThat(taken).hasSizeGreaterThanOrEqualTo(2).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    @Test
    void retransmittedNonIdempotentCallIsAnsweredFromTheCache() {
        int[] first = words(dispatch(400000, 2, 2, Unpooled.buffer().writeInt(5)));
        int[] again = words(dispatch(400000, 2, 2, Unpooled.buffer().writeInt(5)));
        assertThat(again).isEqualTo(first);
        assertThat(runs.get()).isEqualTo(1);
        // same xid, other arguments: not a retransmission
        words(dispatch(400000, 2, 2, Unpooled.buffer().writeInt(6)));
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void cacheIsBounded() {
        DuplicateRequestCache drc = new DuplicateRequestCache(3);
        for (int i = 0; i < 10; i++) {
            var k = new DuplicateRequestCache.Key("c", i, 1, 1, 1, 0);
            assertThat(drc.begin(k)).isNull();
            drc.finish(k, new byte[] {1});
        }
        assertThat(drc.size()).isEqualTo(3);
    }

    @Test
    void twoVersionsOfOneProgramAnswerSideBySideAndMismatchNamesTheirRange() {
        RpcDispatcher d = new RpcDispatcher(RpcRegistry.of(List.of(TestPrograms.versionEcho(100003, 3),
                TestPrograms.versionEcho(100003, 4))), new DuplicateRequestCache(4), AuthFlavors.standard());
        for (int v : new int[] {3, 4}) {
            assertThat(words(d.dispatch(ByteBufAllocator.DEFAULT, ctx, new RpcCall(1, 100003, v, 0, new Credential.None(),
                    Unpooled.EMPTY_BUFFER)))).containsExactly(1, 1, 0, 0, 0, 0, v);
        }
        assertThat(words(d.dispatch(ByteBufAllocator.DEFAULT, ctx, new RpcCall(1, 100003, 2, 0, new Credential.None(),
                Unpooled.EMPTY_BUFFER)))).containsExactly(1, 1, 0, 0, 0, RpcReplies.PROG_MISMATCH, 3, 4);
        assertThat(d.registry().registrations()).containsExactly(new RpcRegistry.Registration(100003, 3),
                new RpcRegistry.Registration(100003, 4));
    }

    @Test
    void aVersionRegisteredTwiceIsAWiringError() {
        RpcRegistry r = new RpcRegistry().register(TestPrograms.versionEcho(100021, 4));
        assertThatThrownBy(() -> r.register(program).register(TestPrograms.versionEcho(100021, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100021 version 4");
    }

    RpcMessage.Call wire(int flavor, byte[] cred, int verfFlavor) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        RpcReplies.callHeader(w, 9, 400000, 2, 1);
        w.writeInt(flavor).writeOpaque(cred).writeInt(verfFlavor).writeInt(0).writeInt(41);
        return (RpcMessage.Call) RpcMessages.decode(b);
    }

    @Test
    void wireCallsAreAuthenticatedBeforeDispatch() {
        ByteBuf sys = Unpooled.buffer();
        new XdrWriter(sys).writeInt(1).writeString("h").writeInt(1000).writeInt(100).writeInt(0);
        byte[] cred = io.netty.buffer.ByteBufUtil.getBytes(sys);
        assertThat(words(dispatcher.handle(ByteBufAllocator.DEFAULT, ctx, wire(Credential.AUTH_SYS, cred, 0))))
                .containsExactly(9, 1, 0, 0, 0, 0, 42);
        assertThat(words(dispatcher.handle(ByteBufAllocator.DEFAULT, ctx, wire(6, new byte[8], 0))))
                .containsExactly(9, 1, 1, 1, AuthStat.REJECTEDCRED.code);
        assertThat(words(dispatcher.handle(ByteBufAllocator.DEFAULT, ctx, wire(Credential.AUTH_SYS, new byte[4], 0))))
                .containsExactly(9, 1, 1, 1, AuthStat.BADCRED.code);
        assertThat(words(dispatcher.handle(ByteBufAllocator.DEFAULT, ctx, wire(Credential.AUTH_NONE, new byte[0], 6))))
                .containsExactly(9, 1, 1, 1, AuthStat.BADVERF.code);
    }
}

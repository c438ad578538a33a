package io.dittofs.gateway.rpc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import io.dittofs.gateway.rpc.RpcMessage;
import io.dittofs.gateway.rpc.TestRpc;

/** Seeded randomized tests of TCP record marking and message decoding: any split of any fragmentation reassembles exactly; garbage never escapes. */
class RecordMarkingDecoderTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomFragmentsAndSplitsReassemble(long seed) {
        Random rnd = new Random(seed);
        EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(1 << 20));
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int r = 0; r < 20; r++) {
            byte[] rec = new byte[rnd.nextInt(5000)];
            rnd.nextBytes(rec);
            records.add(rec);
            int pos = 0;
            do {
                int len = Math.min(rec.length - pos, rnd.nextInt(1200));
                boolean last = pos + len == rec.length;
                int mark = (last ? 0x80000000 : 0) | len;
                wire.write(mark >>> 24);
                wire.write(mark >>> 16);
                wire.write(mark >>> 8);
                wire.write(mark);
                wire.write(rec, pos, len);
                pos += len;
                if (last) {
                    break;
                }
            } while (true);
        }
        byte[] bytes = wire.toByteArray();
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + rnd.nextInt(700));
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, pos, n));
            pos += n;
        }
        for (byte[] expected : records) {
            ByteBuf got = ch.readInbound();
            assertThat(ByteBufUtil.getBytes(got)).isEqualTo(expected);
            got.release();
        }
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void recordsReadFromDirectBuffersAreHeapBackedSoWriteDataCanBeLent(long seed) {
        Random rnd = new Random(seed);
        EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(1 << 22));
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int r = 0; r < 6; r++) {
            byte[] rec = new byte[1 + rnd.nextInt(300_000)];
            rnd.nextBytes(rec);
            records.add(rec);
            int mark = 0x80000000 | rec.length;
            wire.write(mark >>> 24);
            wire.write(mark >>> 16);
            wire.write(mark >>> 8);
            wire.write(mark);
            wire.write(rec, 0, rec.length);
        }
        byte[] bytes = wire.toByteArray();
        int pos = 0;
        while (pos < bytes.length) {
            // socket reads arrive in (pooled) direct buffers of up to 64 KiB
            int n = Math.min(bytes.length - pos, 1 + rnd.nextInt(65_536));
            ch.writeInbound(Unpooled.directBuffer(n).writeBytes(bytes, pos, n));
            pos += n;
        }
        for (byte[] expected : records) {
            ByteBuf got = ch.readInbound();
            assertThat(got.hasArray()).as("a record is backed by a Java array").isTrue();
            assertThat(got.nioBuffer().hasArray()).isTrue();
            assertThat(ByteBufUtil.getBytes(got)).isEqualTo(expected);
            got.release();
        }
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void oversizedRecordIsRefusedBeforeItIsBuffered() {
        EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(1024));
        ByteBuf in = Unpooled.buffer().writeInt(0x80000000 | 0x7ffffff0).writeBytes(new byte[16]);
        try {
            ch.writeInbound(in);
            throw new AssertionError("expected the oversized record to be refused");
        } catch (DecoderException expected) {
            assertThat(expected).hasMessageContaining("exceeds");
        }
        ch.finishAndReleaseAll();
    }

    @Test
    void manySmallFragmentsAreCappedByTheirSum() {
        EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(4096));
        ByteBuf in = Unpooled.buffer();
        for (int i = 0; i < 10; i++) {
            in.writeInt(1000).writeBytes(new byte[1000]);
        }
        try {
            ch.writeInbound(in);
            throw new AssertionError("expected the sum of fragments to be capped");
        } catch (DecoderException expected) {
            assertThat(expected).hasMessageContaining("exceeds");
        }
        ch.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void randomGarbageNeverEscapesAsAnythingButADecoderException(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 300; i++) {
            EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(8192));
            byte[] b = new byte[rnd.nextInt(20000)];
            rnd.nextBytes(b);
            try {
                ch.writeInbound(Unpooled.wrappedBuffer(b));
            } catch (DecoderException expected) {
                // too-long frame: the connection is closed
            }
            ch.finishAndReleaseAll();
        }
    }

    /**
     * Framing and message decoding together on valid calls, replies and noise, cut at random points,
     * with marks claiming huge lengths: only a DecoderException (connection closed) ever escapes, and
     * every emitted message still holds its reference for the receiver to release.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35})
    void framingPlusMessageDecodingOnHostileStreams(long seed) {
        Random rnd = new Random(seed);
        byte[] call = TestRpc.nullCall(1, 100003, 3);
        byte[] reply = TestRpc.successReply(2, w -> w.writeInt(0));
        for (int i = 0; i < 300; i++) {
            EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(4096), RpcMessageDecoder.INSTANCE);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int r = rnd.nextInt(20); r >= 0; r--) {
                byte[] body = switch (rnd.nextInt(4)) {
                    case 0 -> call.clone();
                    case 1 -> reply.clone();
                    case 2 -> {
                        byte[] g = new byte[rnd.nextInt(300)];
                        rnd.nextBytes(g);
                        yield g;
                    }
                    default -> java.util.Arrays.copyOf(call, rnd.nextInt(call.length));
                };
                if (rnd.nextInt(4) == 0 && body.length > 0) {
                    body[rnd.nextInt(body.length)] = (byte) rnd.nextInt();
                }
                int mark = rnd.nextInt(10) == 0 ? rnd.nextInt() : 0x80000000 | body.length;
                wire.write(mark >>> 24);
                wire.write(mark >>> 16);
                wire.write(mark >>> 8);
                wire.write(mark);
                wire.write(body, 0, body.length);
            }
            byte[] bytes = wire.toByteArray();
            bytes = java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length + 1));
            List<ByteBuf> records = new ArrayList<>();
            try {
                int pos = 0;
                while (pos < bytes.length) {
                    int n = Math.min(bytes.length - pos, 1 + rnd.nextInt(100));
                    ch.writeInbound(Unpooled.wrappedBuffer(bytes, pos, n));
                    pos += n;
                }
            } catch (DecoderException expected) {
                // an oversized mark: the connection would be closed
            }
            Object m;
            while ((m = ch.readInbound()) != null) {
                switch (m) {
                    case RpcMessage.Call c -> records.add(c.record());
                    case RpcMessage.Reply r -> records.add(r.record());
                    case RpcMessage.Refused r -> assertThat(r.xid()).isNotNull();
                    default -> throw new AssertionError("unexpected " + m);
                }
            }
            for (ByteBuf r : records) {
                assertThat(r.refCnt()).as("not released by the decoders").isPositive();
                r.release();
            }
            ch.finishAndReleaseAll();
        }
    }

    /** Records every capacity asked of it, so a test can see whether a length field drove an allocation. */
    static final class RecordingAllocator extends io.netty.buffer.AbstractByteBufAllocator {
        int largestRequest;

        RecordingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            largestRequest = Math.max(largestRequest, initialCapacity);
            return Unpooled.buffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            largestRequest = Math.max(largestRequest, initialCapacity);
            return Unpooled.directBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void claimedLengthsNeverDriveAllocations(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 50; i++) {
            RecordingAllocator alloc = new RecordingAllocator();
            EmbeddedChannel ch = new EmbeddedChannel();
            ch.config().setAllocator(alloc);
            ch.pipeline().addLast(new RecordMarkingDecoder(1 << 20), RpcMessageDecoder.INSTANCE);
            int claimed = (1 << 19) + rnd.nextInt(1 << 19);
            boolean last = rnd.nextBoolean();
            ByteBuf first = Unpooled.buffer().writeInt((last ? 0x80000000 : 0) | claimed);
            ch.writeInbound(first);
            int sent = 0;
            for (int k = rnd.nextInt(30); k >= 0; k--) {
                byte[] trickle = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(trickle);
                sent += trickle.length;
                ch.writeInbound(Unpooled.wrappedBuffer(trickle));
            }
            assertThat((Object) ch.readInbound()).isNull();
            assertThat(alloc.largestRequest).as("claimed %d, sent %d", claimed, sent).isLessThan(4 * (sent + 4) + 1024);
            ch.finishAndReleaseAll();
        }
    }

    /** Counts the heap capacity the decoder's cumulation asks for. */
    private static final class CountingAllocator extends io.netty.buffer.AbstractByteBufAllocator {
        long heapRequested;
        int largest;

        CountingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            heapRequested += initialCapacity;
            largest = Math.max(largest, initialCapacity);
            return io.netty.buffer.UnpooledByteBufAllocator.DEFAULT.heapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return io.netty.buffer.UnpooledByteBufAllocator.DEFAULT.directBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }

    private static ByteBuf directChunk(byte[] wire, int pos, int n) {
        return Unpooled.directBuffer(n).writeBytes(wire, pos, n);
    }

    @Test
    void aLargeRecordGrowsItsCumulationToTheAnnouncedSizeOnce() {
        CountingAllocator alloc = new CountingAllocator();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        ch.pipeline().addLast(new RecordMarkingDecoder(2 << 20));
        byte[] rec = new byte[(1 << 20) + 200];
        new Random(7).nextBytes(rec);
        byte[] wire = new byte[4 + rec.length];
        int mark = 0x80000000 | rec.length;
        wire[0] = (byte) (mark >>> 24);
        wire[1] = (byte) (mark >>> 16);
        wire[2] = (byte) (mark >>> 8);
        wire[3] = (byte) mark;
        System.arraycopy(rec, 0, wire, 4, rec.length);
        for (int pos = 0; pos < wire.length; pos += 65536) {
            ch.writeInbound(directChunk(wire, pos, Math.min(65536, wire.length - pos)));
        }
        ByteBuf got = ch.readInbound();
        assertThat(ByteBufUtil.getBytes(got)).isEqualTo(rec);
        got.release();
        assertThat(alloc.largest).as("exactly the record, not the next power of two").isEqualTo(wire.length);
        assertThat(alloc.heapRequested).as("grown once, not through every power of two").isLessThanOrEqualTo(wire.length + 3L * 65536);
        ch.finishAndReleaseAll();
    }

    @Test
    void anAnnouncedLengthAloneReservesNothing() {
        CountingAllocator alloc = new CountingAllocator();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        ch.pipeline().addLast(new RecordMarkingDecoder(2 << 20));
        byte[] start = new byte[4 + 20_000];
        int mark = 0x80000000 | (2 << 20) - 16;
        start[0] = (byte) (mark >>> 24);
        start[1] = (byte) (mark >>> 16);
        start[2] = (byte) (mark >>> 8);
        start[3] = (byte) mark;
        ch.writeInbound(directChunk(start, 0, 10_004));
        ch.writeInbound(directChunk(start, 10_004, 10_000));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(alloc.largest).as("a client that announced 2 MiB and sent 20 KB").isLessThan(64 * 1024);
        ch.finishAndReleaseAll();
    }
}

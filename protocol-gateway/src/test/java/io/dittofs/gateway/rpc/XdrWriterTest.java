package io.dittofs.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XdrWriterTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void opaqueFromABufferIsLengthDataAndPaddingAndLeavesTheSourceAlone() throws Exception {
        for (int n : new int[] {0, 1, 3, 4, 5, 4096, 70_001}) {
            byte[] data = bytes(n);
            ByteBuffer src = ByteBuffer.wrap(data).asReadOnlyBuffer();
            ByteBuf buf = Unpooled.buffer(16);
            new XdrWriter(buf).writeOpaque(src).writeInt(0x7777);
            assertThat(src.remaining()).as("source position untouched").isEqualTo(n);
            XdrReader in = new XdrReader(buf);
            assertThat(in.readOpaque(1 << 20)).isEqualTo(data);
            assertThat(in.readInt()).isEqualTo(0x7777);
            assertThat(buf.isReadable()).isFalse();
            buf.release();
        }
    }

    /** A large READ's reply grows once, to its size (not to the next power of two), and keeps room for what follows. */
    @Test
    void aLargeOpaqueSizesTheBufferExactly() {
        ByteBuf buf = Unpooled.directBuffer(128);
        buf.writeZero(100);
        int n = 1 << 20;
        new XdrWriter(buf).writeOpaque(ByteBuffer.allocateDirect(n));
        assertThat(buf.writerIndex()).isEqualTo(100 + 4 + n);
        assertThat(buf.capacity()).isLessThan(100 + 4 + n + 8192);
        buf.release();
    }

    @Test
    void aLargeLastOpaqueGoesIntoABufferOfItsOwnOnlyWhenAllowed() throws Exception {
        byte[] large = bytes(XdrWriter.ATTACH_MIN + 1);
        ByteBuf head = Unpooled.buffer(64);
        XdrWriter w = new XdrWriter(head, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        w.writeLastOpaque(ByteBuffer.wrap(large));
        ByteBuf a = w.takeAttachment();
        assertThat(a).isNotNull();
        assertThat(w.takeAttachment()).isNull();
        assertThat(head.readableBytes()).as("only the length").isEqualTo(4);
        assertThat(a.readableBytes()).isEqualTo(large.length + 3);
        ByteBuf whole = io.netty.buffer.Unpooled.wrappedBuffer(head, a);
        assertThat(new XdrReader(whole).readOpaque(1 << 20)).isEqualTo(large);
        whole.release();

        ByteBuf small = Unpooled.buffer(64);
        XdrWriter s = new XdrWriter(small, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        s.writeLastOpaque(ByteBuffer.wrap(bytes(100)));
        assertThat(s.takeAttachment()).as("small: inline").isNull();
        assertThat(new XdrReader(small).readOpaque(200)).isEqualTo(bytes(100));
        small.release();

        ByteBuf plain = Unpooled.buffer(64);
        XdrWriter p = new XdrWriter(plain);
        p.writeLastOpaque(ByteBuffer.wrap(large));
        assertThat(p.takeAttachment()).as("no allocator: inline").isNull();
        assertThat(new XdrReader(plain).readOpaque(1 << 20)).isEqualTo(large);
        plain.release();
    }

    @Test
    void aLargeDirectLastOpaqueIsLentNotCopied() throws Exception {
        byte[] large = bytes(XdrWriter.ATTACH_MIN + 2);
        ByteBuffer direct = ByteBuffer.allocateDirect(large.length + 10).position(5);
        direct.put(large).flip().position(5);
        ByteBuf head = Unpooled.buffer(64);
        XdrWriter w = new XdrWriter(head, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        w.writeLastOpaque(direct);
        assertThat(direct.position()).as("the caller's buffer is not consumed").isEqualTo(5);
        ByteBuf a = w.takeAttachment();
        assertThat(a.readableBytes()).isEqualTo(large.length + 2);
        direct.put(5, (byte) (large[0] + 1)); // the reply sees the same memory: nothing was copied
        ByteBuf whole = Unpooled.wrappedBuffer(head, a);
        byte[] expected = large.clone();
        expected[0]++;
        assertThat(new XdrReader(whole).readOpaque(1 << 20)).isEqualTo(expected);
        assertThat(whole.getByte(4 + large.length)).isZero();
        assertThat(whole.getByte(4 + large.length + 1)).isZero();
        whole.release();
    }
}

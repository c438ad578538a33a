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
        assertThat(buf.capacity()).isLessThan(100 + 4 + n + 1024);
        buf.release();
    }
}

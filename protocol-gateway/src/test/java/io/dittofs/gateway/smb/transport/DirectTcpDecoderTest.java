package io.dittofs.gateway.smb.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded randomized tests of direct TCP framing: any split of any frame sequence reassembles exactly; bad prefixes close. */
class DirectTcpDecoderTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomSplitsReassemble(long seed) {
        Random rnd = new Random(seed);
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpDecoder(1 << 16));
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int f = 0; f < 30; f++) {
            byte[] msg = new byte[rnd.nextInt(6000)];
            rnd.nextBytes(msg);
            frames.add(msg);
            ByteBuf framed = DirectTcpFraming.frame(msg);
            wire.writeBytes(ByteBufUtil.getBytes(framed));
            framed.release();
        }
        byte[] bytes = wire.toByteArray();
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + rnd.nextInt(900));
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, pos, n));
            pos += n;
        }
        for (byte[] expected : frames) {
            byte[] got = ch.readInbound();
            assertThat(got).isEqualTo(expected);
        }
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void oversizedFrameIsRefusedBeforeItIsBuffered() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpDecoder(1024));
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(0x00FFFFFF).writeBytes(new byte[8])))
                .isInstanceOf(DecoderException.class).hasMessageContaining("exceeds 1024");
        ch.finishAndReleaseAll();
    }

    @Test
    void netbiosSessionRequestIsRefused() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpDecoder(1024));
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(0x81000044).writeBytes(new byte[8])))
                .isInstanceOf(DecoderException.class).hasMessageContaining("first byte 129");
        ch.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void randomGarbageEitherFramesOrIsRefused(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 500; i++) {
            EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpDecoder(4096));
            byte[] junk = new byte[rnd.nextInt(200)];
            rnd.nextBytes(junk);
            if (junk.length > 0 && rnd.nextBoolean()) {
                junk[0] = 0;
            }
            try {
                ch.writeInbound(Unpooled.wrappedBuffer(junk));
                for (Object o; (o = ch.readInbound()) != null; ) {
                    assertThat((byte[]) o).hasSizeLessThanOrEqualTo(junk.length - 4);
                }
            } catch (DecoderException refused) {
                assertThat(refused).isInstanceOf(io.netty.handler.codec.TooLongFrameException.class);
            }
            ch.finishAndReleaseAll();
        }
    }
}

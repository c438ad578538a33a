package io.dittofs.gateway.rpc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

/**
 * Coverage-guided: arbitrary bytes, cut into arbitrary TCP segments, through the record-marking
 * decoder. It may only refuse with a DecoderException (too long, bad fragment) and never hand on
 * a record above its limit. Plain `mvn test` replays the committed inputs; JAZZER_FUZZ=1 fuzzes.
 */
class RecordMarkingFuzzTest {

    private static final int MAX = 4096;

    @FuzzTest(maxDuration = "30s")
    void segmentsOfAnyBytes(FuzzedDataProvider data) {
        EmbeddedChannel ch = new EmbeddedChannel(new RecordMarkingDecoder(MAX));
        try {
            while (data.remainingBytes() > 0) {
                byte[] segment = data.consumeBytes(data.consumeInt(1, 300));
                ch.writeInbound(Unpooled.wrappedBuffer(segment));
                for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
                    ByteBuf record = (ByteBuf) o;
                    try {
                        assertThat(record.readableBytes()).isLessThanOrEqualTo(MAX);
                    } finally {
                        record.release();
                    }
                }
            }
        } catch (DecoderException refused) {
            // the connection is closed with this; nothing was handed on
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}

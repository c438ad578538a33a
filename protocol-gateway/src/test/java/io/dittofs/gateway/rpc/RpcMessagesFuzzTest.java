package io.dittofs.gateway.rpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Coverage-guided: any record is a Call, a Reply or Garbage; decoding never throws. */
class RpcMessagesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyRecord(byte[] bytes) {
        ByteBuf record = Unpooled.wrappedBuffer(bytes);
        try {
            RpcMessages.Decoded d = RpcMessages.decode(record);
            if (d == null) {
                throw new AssertionError("decode returned null");
            }
        } finally {
            if (record.refCnt() > 0) {
                record.release(record.refCnt());
            }
        }
    }
}

package io.dittofs.gateway.nfs.nsm;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;

/** Coverage-guided over every NSM argument decoder: only XdrException may come out. */
class NsmXdrFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void everyDecoder(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 4);
        XdrReader in = new XdrReader(Unpooled.wrappedBuffer(data.consumeRemainingAsBytes()));
        try {
            Object decoded = switch (which) {
                case 0 -> NsmXdr.smName(in);
                case 1 -> NsmXdr.myId(in);
                case 2 -> NsmXdr.monId(in);
                case 3 -> NsmXdr.mon(in);
                default -> NsmXdr.statChange(in);
            };
            if (decoded == null) {
                throw new AssertionError("decoder " + which + " returned null");
            }
        } catch (XdrException garbage) {
            // GARBAGE_ARGS
        }
    }
}

package io.dittofs.gateway.nfs.nlm;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;

/** Coverage-guided over every NLM v1/v3/v4 argument decoder: only XdrException may come out. */
class NlmXdrFuzzTest {

    private static final int[] VERSIONS = {1, 3, 4};

    @FuzzTest(maxDuration = "30s")
    void everyDecoder(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 9);
        int version = VERSIONS[data.consumeInt(0, 2)];
        XdrReader in = new XdrReader(Unpooled.wrappedBuffer(data.consumeRemainingAsBytes()));
        try {
            Object decoded = switch (which) {
                case 0 -> NlmXdr.lock(in, version);
                case 1 -> NlmXdr.cookie(in);
                case 2 -> NlmXdr.testArgs(in, version);
                case 3 -> NlmXdr.lockArgs(in, version);
                case 4 -> NlmXdr.cancelArgs(in, version);
                case 5 -> NlmXdr.unlockArgs(in, version);
                case 6 -> NlmXdr.shareArgs(in);
                case 7 -> NlmXdr.notify(in);
                case 8 -> NlmXdr.res(in);
                default -> NlmXdr.testRes(in, version);
            };
            if (decoded == null) {
                throw new AssertionError("decoder " + which + " returned null");
            }
        } catch (XdrException garbage) {
            // GARBAGE_ARGS
        }
    }
}

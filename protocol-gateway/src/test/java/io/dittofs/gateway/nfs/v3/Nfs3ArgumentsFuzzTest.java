package io.dittofs.gateway.nfs.v3;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided over every NFSv3 argument decoder (Nfs3Program.PROCEDURES): the only failure
 * allowed is XdrException (GARBAGE_ARGS); anything else is a crash Jazzer keeps as an input.
 */
class Nfs3ArgumentsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void everyProcedure(FuzzedDataProvider data) {
        Nfs3Procedure<?> p = Nfs3Program.PROCEDURES.get(data.consumeInt(0, Nfs3Program.PROCEDURES.size() - 1));
        try {
            if (p.decode(new XdrReader(Unpooled.wrappedBuffer(data.consumeRemainingAsBytes()))) == null) {
                throw new AssertionError(p.getClass().getSimpleName() + " decoded to null");
            }
        } catch (XdrException garbage) {
            // refused as GARBAGE_ARGS
        }
    }
}

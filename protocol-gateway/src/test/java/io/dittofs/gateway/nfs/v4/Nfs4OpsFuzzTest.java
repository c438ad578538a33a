package io.dittofs.gateway.nfs.v4;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.nfs.v4.attr.ModeAcl;
import io.dittofs.gateway.nfs.v4.attr.SetAttrDecoder;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Coverage-guided over every implemented NFSv4 operation's argument decoder (EXCHANGE_ID with its
 * SSV parameters, CREATE_SESSION, BIND_CONN_TO_SESSION, BACKCHANNEL_CTL, OPEN, SETATTR …) and the
 * fattr4 pieces (settable attributes, ACLs): the only failure allowed is XdrException (BADXDR).
 */
class Nfs4OpsFuzzTest {

    private static final List<Nfs4Op<?>> OPS = IntStream.rangeClosed(3, 75).mapToObj(Nfs4Ops::op)
            .filter(java.util.Objects::nonNull).<Nfs4Op<?>>map(o -> o).toList();

    @FuzzTest(maxDuration = "30s")
    void everyOperation(FuzzedDataProvider data) {
        int pick = data.consumeInt(0, OPS.size() + 1);
        XdrReader in = new XdrReader(Unpooled.wrappedBuffer(data.consumeRemainingAsBytes()));
        try {
            if (pick == OPS.size()) {
                SetAttrDecoder.read(in);
            } else if (pick == OPS.size() + 1) {
                ModeAcl.toMode(ModeAcl.read(in));
            } else {
                OPS.get(pick).decode(in);
            }
        } catch (XdrException garbage) {
            // answered BADXDR
        }
    }
}

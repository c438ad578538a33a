package io.dittofs.gateway.nfs.portmap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.List;

/** Coverage-guided over every portmap v2 / rpcbind v3-v4 procedure's arguments: an Outcome, never a throw. */
class PortmapFuzzTest {

    private static final RpcRegistry REGISTRY = RpcRegistry.of(List.of());
    private static final PortmapProgram PORTMAP = new PortmapProgram(REGISTRY, () -> 2049, "127.0.0.1", false);
    private static final CallContext CTX = new CallContext(new InetSocketAddress("127.0.0.1", 999), new Credential.None(), true);

    @FuzzTest(maxDuration = "30s")
    void everyProcedure(FuzzedDataProvider data) {
        int version = data.consumeInt(2, 4);
        int proc = data.consumeInt(0, 16);
        ByteBuf out = Unpooled.buffer();
        try {
            Outcome o = PORTMAP.call(CTX, new RpcCall(1, PortmapProgram.PROGRAM, version, proc, new Credential.None(),
                    Unpooled.wrappedBuffer(data.consumeRemainingAsBytes())), new XdrWriter(out));
            if (o == null) {
                throw new AssertionError("no outcome");
            }
        } finally {
            out.release();
        }
    }
}

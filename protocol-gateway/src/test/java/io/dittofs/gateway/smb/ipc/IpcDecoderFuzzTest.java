package io.dittofs.gateway.smb.ipc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.smb.ipc.rpc.RpcEndpoint;
import io.dittofs.gateway.smb.ipc.rpc.RpcFault;
import io.dittofs.gateway.smb.ipc.srvsvc.ShareInfo;
import io.dittofs.gateway.smb.ipc.srvsvc.Srvsvc;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.List;

/**
 * Coverage-guided over the named-pipe decoders: DCE/RPC PDUs through an endpoint (bound or not),
 * srvsvc request stubs of every opnum, and the pipe's CREATE/READ/WRITE/CLOSE bodies. Each either
 * answers or refuses with {@link WireException} / {@link RpcFault}.
 */
class IpcDecoderFuzzTest {

    private static final List<ShareInfo> SHARES = List.of(new ShareInfo("export", 0, "", "C:\\export", 0));

    @FuzzTest(maxDuration = "30s")
    void rpcPdus(FuzzedDataProvider data) {
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> SHARES)));
        NamedPipe pipe = new NamedPipe(new io.dittofs.gateway.smb.wire.FileId(1, 1), 1, 1, ep);
        try {
            while (data.remainingBytes() > 0) {
                pipe.write(data.consumeBytes(data.consumeInt(0, 5000)));
                NamedPipe.Chunk c;
                while ((c = pipe.read(data.consumeInt(1, 70000))) != null) {
                    if (c.data().length == 0 && c.more()) {
                        throw new AssertionError("empty chunk with more");
                    }
                }
            }
        } catch (WireException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void srvsvcStubs(FuzzedDataProvider data) {
        Srvsvc s = new Srvsvc(() -> SHARES);
        try {
            byte[] out = s.call(data.consumeInt(0, 40), data.consumeRemainingAsBytes());
            if (out == null) {
                throw new AssertionError("no answer");
            }
        } catch (WireException | RpcFault expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void pipeCommandBodies(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 3);
        byte[] body = data.consumeRemainingAsBytes();
        byte[] message = new byte[64 + body.length];
        System.arraycopy(body, 0, message, 64, body.length);
        SmbReader r = new SmbReader(message, 0, message.length);
        try {
            r.seek(64);
            switch (which) {
                case 0 -> PipeRequests.createName(r);
                case 1 -> PipeRequests.read(r);
                case 2 -> PipeRequests.write(r);
                default -> PipeRequests.close(r);
            }
        } catch (WireException expected) {
            // refused
        }
    }
}

package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcReply;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls a client host's own NLM service (GRANTED, the *_RES answers to *_MSG calls): its port comes
 * from the host's portmapper (GETPORT over TCP), connections are kept per (host, version) and
 * opened again when one fails.
 */
public final class NlmCallbacks {

    static final int PORTMAP = 100000;
    static final int PORTMAP_V2 = 2;
    static final int GETPORT = 3;
    static final int IPPROTO_TCP = 6;
    private static final Credential CREDENTIAL = new Credential.Sys(0, "dittofs", 0, 0, List.of());

    private final Function<InetSocketAddress, CompletableFuture<RpcClient>> connector;
    private final int portmapPort;
    private final Map<String, CompletableFuture<RpcClient>> clients = new ConcurrentHashMap<>();

    /**
     * @param connector   opens an RPC client connection to an address
     * @param portmapPort where clients' portmappers listen (111; tests use their own)
     */
    public NlmCallbacks(Function<InetSocketAddress, CompletableFuture<RpcClient>> connector, int portmapPort) {
        this.connector = connector;
        this.portmapPort = portmapPort;
    }

    /** Calls NLM {@code procedure} of {@code version} on {@code host}; the reply's results are returned. */
    public CompletableFuture<RpcReply> call(InetAddress host, int version, int procedure, Consumer<XdrWriter> args) {
        String key = host.getHostAddress() + "/" + version;
        return client(key, host, version)
                .thenCompose(c -> c.call(NlmProgram.PROGRAM, version, procedure, CREDENTIAL, args))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        clients.remove(key); // reconnect (and ask the portmapper again) next time
                    }
                });
    }

    private CompletableFuture<RpcClient> client(String key, InetAddress host, int version) {
        return clients.computeIfAbsent(key, k -> connector.apply(new InetSocketAddress(host, portmapPort))
                .thenCompose(pm -> pm.call(PORTMAP, PORTMAP_V2, GETPORT, new Credential.None(),
                        out -> out.writeInt(NlmProgram.PROGRAM).writeInt(version).writeInt(IPPROTO_TCP).writeInt(0)))
                .thenCompose(reply -> connector.apply(new InetSocketAddress(host, port(reply, host, version)))));
    }

    private static int port(RpcReply reply, InetAddress host, int version) {
        if (!reply.status().success()) {
            throw new IllegalStateException("portmapper of " + host.getHostAddress() + " refused GETPORT");
        }
        try {
            int port = new XdrReader(Unpooled.wrappedBuffer(reply.results())).readInt();
            if (port <= 0 || port > 65535) {
                throw new IllegalStateException("no NLM v" + version + " registered at " + host.getHostAddress());
            }
            return port;
        } catch (XdrException e) {
            throw new IllegalStateException("garbage GETPORT reply from " + host.getHostAddress(), e);
        }
    }
}

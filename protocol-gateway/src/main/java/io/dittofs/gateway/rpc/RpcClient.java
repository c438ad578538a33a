package io.dittofs.gateway.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Calls a program on the other side of a connection: the client's own callback service on the
 * connection it opened (NFSv4.1 backchannel), or one reached on a new connection (NFSv4.0
 * callbacks, NLM GRANTED). See {@code rpc.callback}.
 */
public interface RpcClient {

    /**
     * Sends a CALL with the given credential (AUTH_NONE or AUTH_SYS) and arguments; the future
     * completes with the reply, or exceptionally on timeout or when the connection closes.
     */
    CompletableFuture<RpcReply> call(int program, int version, int procedure, Credential credential,
                                     Consumer<XdrWriter> args);
}

package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * CB_NULL over a newly offered back channel (RFC 8881 §20: procedure 0 of the client's callback
 * program, version 1), sent as soon as CREATE_SESSION accepts the channel, so a client learns
 * right away that callbacks reach it. Asynchronous: the operation never waits for it; the outcome is
 * only logged (a dead back channel shows when a callback is needed).
 */
final class CallbackProbe {

    static final int CB_VERSION = 1;
    static final int CB_NULL = 0;

    private static final Logger log = LoggerFactory.getLogger(CallbackProbe.class);

    private CallbackProbe() {
    }

    static CompletableFuture<RpcReply> send(RpcClient back, int program) {
        return back.call(program, CB_VERSION, CB_NULL, new Credential.None(), w -> { })
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        log.debug("CB_NULL to callback program {} failed: {}", program, failure.toString());
                    } else {
                        log.debug("CB_NULL to callback program {}: {}", program, reply.status());
                    }
                });
    }
}

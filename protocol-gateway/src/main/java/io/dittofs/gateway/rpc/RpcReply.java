package io.dittofs.gateway.rpc;

import java.util.Arrays;

/** A reply received by an {@link RpcClient}; {@code results} is a copy of the bytes after the header. */
public record RpcReply(int xid, ReplyStatus status, byte[] results) {

    public RpcReply {
        results = Arrays.copyOf(results, results.length);
    }

    @Override
    public byte[] results() {
        return Arrays.copyOf(results, results.length);
    }
}

package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;

/**
 * A decoded call header plus its arguments (a slice of the record, still XDR). The record it came
 * from must stay alive until the call is done; the handler releases it.
 */
public record RpcCall(int xid, int program, int version, int procedure, Credential credential, ByteBuf args) {
}

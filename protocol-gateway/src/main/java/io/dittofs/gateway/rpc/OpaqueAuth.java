package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;

/** opaque_auth of RFC 5531 §8.2: a flavor and its body (a slice of the record, at most 400 bytes). */
public record OpaqueAuth(int flavor, ByteBuf body) {

    public static final int MAX_BODY = 400;
}

package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;

/**
 * One decoded RPC record (RFC 5531 §9). Buffers are slices of {@code record}; whoever receives a
 * {@link Call} or {@link Reply} releases it once done with the slices.
 */
public sealed interface RpcMessage extends RpcMessages.Decoded {

    int xid();

    /** A CALL, not yet authenticated: the raw credential and verifier, the (possibly wrapped) arguments. */
    record Call(int xid, int program, int version, int procedure, OpaqueAuth credential, OpaqueAuth verifier,
                ByteBuf args, ByteBuf record) implements RpcMessage {

        /** Bytes the record occupies while the call is alive. */
        public int size() {
            return record.writerIndex();
        }

        public void release() {
            record.release();
        }
    }

    /** A REPLY to a call this side sent; {@code results} follow a successful accept. */
    record Reply(int xid, ReplyStatus status, ByteBuf results, ByteBuf record) implements RpcMessage {

        public void release() {
            record.release();
        }
    }

    /**
     * A CALL refused before authentication: rpcvers other than 2 ({@code authStat} null, answer
     * RPC_MISMATCH) or a credential or verifier that does not fit ({@code authStat}, answer AUTH_ERROR).
     */
    record Refused(int xid, AuthStat authStat) implements RpcMessage {
    }
}

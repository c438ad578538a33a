package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;

/**
 * What an authentication flavor does to one accepted call beyond naming the caller: the reply
 * verifier, and unwrapping arguments / wrapping results (RPCSEC_GSS integrity and privacy).
 * AUTH_NONE and AUTH_SYS use {@link #NONE}.
 */
public interface CallSecurity {

    /** Writes the reply's verifier (an opaque_auth). */
    void writeVerifier(ByteBuf reply);

    /** The arguments as the program reads them. */
    ByteBuf unwrapArguments(ByteBuf args) throws XdrException;

    /** Called before the program writes its results at {@code reply.writerIndex()}. */
    default void beginResults(ByteBuf reply) {
    }

    /** Called after a successful program wrote its results from {@code resultsStart}; may rewrite them in place. */
    default void endResults(ByteBuf reply, int resultsStart) {
    }

    /**
     * Whether {@link #endResults} needs every result byte in {@code reply} (integrity checksum,
     * privacy): then a program's large last opaque is not kept in a buffer of its own.
     */
    default boolean transformsResults() {
        return false;
    }

    /** AUTH_NONE verifier, arguments and results as they are. */
    CallSecurity NONE = new CallSecurity() {
        @Override
        public void writeVerifier(ByteBuf reply) {
            reply.writeLong(0L);
        }

        @Override
        public ByteBuf unwrapArguments(ByteBuf args) {
            return args;
        }
    };
}

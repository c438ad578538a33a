package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFS program 100003 version 4 (RFC 7530 §16, RFC 8881 §16): NULL and COMPOUND, minor versions 0 and 1. */
public final class Nfs4Program implements RpcProgram {

    public static final int PROGRAM = 100003;
    public static final int NULL = 0;
    public static final int COMPOUND = 1;

    private final CompoundProcessor compound;

    public Nfs4Program(Nfs4Server server) {
        this(server, 0, CompoundProcessor.MAX_MINOR, ProtocolOps.DISABLED);
    }

    /** @param operations times the operations inside each COMPOUND */
    public Nfs4Program(Nfs4Server server, ProtocolOps operations) {
        this(server, 0, CompoundProcessor.MAX_MINOR, operations);
    }

    public Nfs4Program(Nfs4Server server, int minMinor, int maxMinor) {
        this(server, minMinor, maxMinor, ProtocolOps.DISABLED);
    }

    /** Serves minor versions {@code minMinor..maxMinor} only (the rest: MINOR_VERS_MISMATCH), operations timed by {@code operations}. */
    public Nfs4Program(Nfs4Server server, int minMinor, int maxMinor, ProtocolOps operations) {
        this.compound = new CompoundProcessor(server, minMinor, maxMinor, operations);
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 4;
    }

    @Override
    public int highVersion() {
        return 4;
    }

    /**
     * Not answered from the RPC duplicate request cache: 4.1 has its own exactly-once slots, and a
     * 4.0 retransmission re-runs (SETCLIENTID and the state operations tolerate it by their seqids).
     */
    @Override
    public boolean nonIdempotent(int version, int procedure) {
        return false;
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        return switch (call.procedure()) {
            case NULL -> Outcome.SUCCESS;
            case COMPOUND -> compound.process(ctx, new XdrReader(call.args()), out) ? Outcome.SUCCESS
                    : Outcome.GARBAGE_ARGS;
            default -> Outcome.PROC_UNAVAIL;
        };
    }
}

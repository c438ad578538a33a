package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.identity.Principals;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.metrics.ProtocolOps;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COMPOUND (RFC 7530 §15.2, RFC 8881 §18.2): decodes the operations one at a time from the record
 * (never the whole array up front), runs each, and stops at the first that fails, answering the
 * results so far. The header (tag, minor version, count) is bounded before anything runs.
 */
public final class CompoundProcessor {

    /** A tag longer than this is garbage (clients send a few bytes at most). */
    public static final int MAX_TAG = 1024;
    /** More operations than this in one compound: RESOURCE (4.0) or TOO_MANY_OPS (4.1). */
    public static final int MAX_OPS = 64;
    /** Highest minor version this server implements: 4.2 (RFC 7862). */
    public static final int MAX_MINOR = 2;
    /** An accepted RPC reply header with an AUTH_NONE verifier: xid, type, stat, verifier, accept stat. */
    private static final int RPC_REPLY_HEADER = 24;

    private static final Logger log = LoggerFactory.getLogger(CompoundProcessor.class);

    private final Nfs4Server server;
    private final ProtocolOps ops;
    private final int minMinor;
    private final int maxMinor;

    public CompoundProcessor(Nfs4Server server) {
        this(server, 0, MAX_MINOR, ProtocolOps.DISABLED);
    }

    public CompoundProcessor(Nfs4Server server, ProtocolOps ops) {
        this(server, 0, MAX_MINOR, ops);
    }

    public CompoundProcessor(Nfs4Server server, int minMinor, int maxMinor) {
        this(server, minMinor, maxMinor, ProtocolOps.DISABLED);
    }

    /**
     * Answers minor versions {@code minMinor..maxMinor} (configuration: dittofs.nfs.min/max-version);
     * {@code ops} times each operation of a compound by opcode and status.
     */
    public CompoundProcessor(Nfs4Server server, int minMinor, int maxMinor, ProtocolOps ops) {
        if (minMinor < 0 || maxMinor > MAX_MINOR || minMinor > maxMinor) {
            throw new IllegalArgumentException("NFSv4 minor versions " + minMinor + ".." + maxMinor);
        }
        this.server = server;
        this.minMinor = minMinor;
        this.maxMinor = maxMinor;
        this.ops = ops;
    }

    /** What {@link #process} did. */
    public enum Processed {
        /** The header itself is garbage: the RPC layer answers GARBAGE_ARGS. */
        GARBAGE,
        /** Answered; no operation that changes anything was reached. */
        ANSWERED,
        /** Answered, and an operation that a retransmission must not run again was reached (even if it failed). */
        ANSWERED_NON_IDEMPOTENT
    }

    public Processed process(CallContext call, XdrReader in, XdrWriter out) {
        long requestBytes = in.readableBytes();
        byte[] tag;
        int minor;
        long count;
        try {
            tag = in.readOpaque(MAX_TAG);
            minor = in.readInt();
            count = in.readUnsignedInt();
        } catch (XdrException e) {
            log.debug("garbage COMPOUND header from {}: {}", call.clientAddress(), e.getMessage());
            return Processed.GARBAGE;
        }
        ByteBuf buf = out.buffer();
        int start = buf.writerIndex();
        out.writeInt(Nfs4Status.OK).writeOpaque(tag);
        int countAt = buf.writerIndex();
        out.writeInt(0);
        if (minor < minMinor || minor > maxMinor) {
            buf.setInt(start, Nfs4Status.MINOR_VERS_MISMATCH);
            return Processed.ANSWERED;
        }
        if (count > MAX_OPS) {
            buf.setInt(start, minor == 0 ? Nfs4Status.RESOURCE : Nfs4Status.TOO_MANY_OPS);
            return Processed.ANSWERED;
        }
        CompoundContext c = new CompoundContext(server, call, Principals.of(call), minor);
        c.compound((int) count, requestBytes);
        int done = 0;
        int status = Nfs4Status.OK;
        for (int i = 0; i < count && status == Nfs4Status.OK; i++) {
            int opStart = buf.writerIndex();
            c.opIndex(i);
            status = one(c, in, out, i, (int) count);
            if (c.session() != null && c.replay() == null) {
                status = fitReply(c, buf, start, opStart, status);
            }
            done++;
            if (c.replay() != null) {
                buf.writerIndex(start);
                buf.writeBytes(c.replay());
                return Processed.ANSWERED;
            }
        }
        buf.setInt(start, status);
        buf.setInt(countAt, done);
        if (c.session() != null) {
            byte[] reply = new byte[buf.writerIndex() - start];
            buf.getBytes(start, reply);
            c.session().remember(c.slot(), reply);
        }
        return c.reachedNonIdempotent() ? Processed.ANSWERED_NON_IDEMPOTENT : Processed.ANSWERED;
    }

    /**
     * RFC 8881 §2.10.6.4: a reply beyond the session's maxresponsesize ends with the operation that
     * crossed it answering REP_TOO_BIG (REP_TOO_BIG_TO_CACHE beyond the cached size when the
     * client asked for caching).
     */
    private static int fitReply(CompoundContext c, ByteBuf buf, int start, int opStart, int status) {
        long size = RPC_REPLY_HEADER + buf.writerIndex() - start;
        var limits = c.session().limits();
        int refusal = size > limits.maxResponse() ? Nfs4Status.REP_TOO_BIG
                : c.cacheThis() && size > limits.maxResponseCached() ? Nfs4Status.REP_TOO_BIG_TO_CACHE
                : Nfs4Status.OK;
        if (refusal == Nfs4Status.OK) {
            return status;
        }
        int opcode = buf.getInt(opStart);
        buf.writerIndex(opStart);
        buf.writeInt(opcode).writeInt(refusal);
        return refusal;
    }

    /** Decodes and runs operation {@code index}, writing its nfs_resop4; returns its status. */
    private int one(CompoundContext c, XdrReader in, XdrWriter out, int index, int count) {
        int opcode;
        try {
            opcode = in.readInt();
        } catch (XdrException e) {
            return result(out, Nfs4Ops.ILLEGAL, Nfs4Status.BADXDR);
        }
        if (Nfs4Ops.nonIdempotent(opcode)) {
            c.reachedNonIdempotent(true);
        }
        long started = ops.begin();
        int status = decoded(c, in, out, index, count, opcode);
        if (started != 0) {
            ops.end(opcode, status, started);
        }
        return status;
    }

    private int decoded(CompoundContext c, XdrReader in, XdrWriter out, int index, int count, int opcode) {
        if (!Nfs4Ops.defined(c.minor(), opcode)) {
            log.debug("NFSv4.{} illegal opcode {} from {}", c.minor(), opcode, c.call().clientAddress());
            return result(out, Nfs4Ops.ILLEGAL, Nfs4Status.OP_ILLEGAL);
        }
        int placement = Nfs4Ops.placement(c.minor(), opcode, index, count);
        if (placement != Nfs4Status.OK) {
            return result(out, opcode, placement);
        }
        Nfs4Op<?> op = Nfs4Ops.op(opcode);
        if (op == null) {
            log.debug("NFSv4.{} op {} from {}: not implemented", c.minor(), opcode, c.call().clientAddress());
            return result(out, opcode, Nfs4Status.NOTSUPP);
        }
        return run(op, c, in, out);
    }

    private <A> int run(Nfs4Op<A> op, CompoundContext c, XdrReader in, XdrWriter out) {
        A args;
        try {
            args = op.decode(in);
        } catch (XdrException e) {
            log.debug("bad XDR in op {} from {}: {}", op.code(), c.call().clientAddress(), e.getMessage());
            return result(out, op.code(), Nfs4Status.BADXDR);
        }
        if (op.mutating()) {
            int allowed = c.checkModify();
            if (allowed != Nfs4Status.OK) {
                result(out, op.code(), allowed);
                op.writeFailureBody(out);
                return allowed;
            }
        }
        ByteBuf buf = out.buffer();
        out.writeInt(op.code());
        int statusAt = buf.writerIndex();
        out.writeInt(Nfs4Status.OK);
        int status;
        try {
            status = op.execute(c, args, out);
        } catch (ServiceCallException e) {
            log.warn("NFSv4 op {} from {}: {}", op.code(), c.call().clientAddress(), e.getMessage());
            buf.writerIndex(statusAt + 4);
            status = Nfs4Status.ofServiceFailure(e.retryable());
            op.writeFailureBody(out);
        }
        buf.setInt(statusAt, status);
        if (status != Nfs4Status.OK) {
            log.debug("NFSv4.{} op {} from {}: status {}", c.minor(), op.code(), c.call().clientAddress(), status);
        }
        return status;
    }

    private static int result(XdrWriter out, int opcode, int status) {
        out.writeInt(opcode).writeInt(status);
        return status;
    }
}

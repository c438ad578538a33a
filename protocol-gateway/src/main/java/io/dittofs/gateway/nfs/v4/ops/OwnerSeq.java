package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.state.OwnerSeqids;
import io.dittofs.gateway.rpc.XdrWriter;

import java.util.function.IntSupplier;

/**
 * Runs a 4.0 operation that carries an open-owner or lock-owner seqid under RFC 7530 §9.1.7: the
 * owner's next seqid runs and its reply is remembered; a retransmission of the last request gets
 * that reply again without running; anything else is BAD_SEQID. NFSv4.1 runs the operation
 * directly (RFC 8881 §8.13: seqids are ignored, the session slot gives exactly-once).
 */
final class OwnerSeq {

    private OwnerSeq() {
    }

    static int run(CompoundContext c, String owner, int seqid, int opcode, byte[] other, XdrWriter out,
                   IntSupplier body) {
        if (c.minor() != 0) {
            return body.getAsInt();
        }
        OwnerSeqids seqids = c.server().seqids();
        OwnerSeqids.Verdict v = seqids.check(owner, seqid, opcode);
        switch (v.kind()) {
            case BAD -> {
                return Nfs4Status.BAD_SEQID;
            }
            case REPLAY -> {
                return replay(v, out);
            }
            default -> {
                int start = out.buffer().writerIndex();
                int status = body.getAsInt();
                byte[] written = new byte[out.buffer().writerIndex() - start];
                out.buffer().getBytes(start, written);
                seqids.done(owner, seqid, opcode, status, written, other);
                return status;
            }
        }
    }

    /** The cached reply of a retransmitted request whose stateid is gone by now (CLOSE); null when none. */
    static Integer replayGone(CompoundContext c, byte[] other, int seqid, int opcode, XdrWriter out) {
        if (c.minor() != 0 || other == null) {
            return null;
        }
        OwnerSeqids.Verdict v = c.server().seqids().replayOf(other, seqid, opcode);
        return v == null ? null : replay(v, out);
    }

    /** 4.0: once the owner's seqid admitted the request, the stateid's own seqid must be the current one. */
    static int stateidSeqid(CompoundContext c, io.dittofs.gateway.nfs.v4.Stateid given, int current) {
        if (c.minor() != 0 || given.seqid() == current) {
            return Nfs4Status.OK;
        }
        return Integer.compareUnsigned(given.seqid(), current) < 0 ? Nfs4Status.OLD_STATEID : Nfs4Status.BAD_STATEID;
    }

    /** find() failed: a 4.0 retransmission of the owner's last request may still be answered from its cache. */
    static int notFound(CompoundContext c, io.dittofs.gateway.nfs.v4.Stateid given, int status, int seqid, int opcode,
                        XdrWriter out) {
        if (status == Nfs4Status.BAD_STATEID && !given.special()) {
            Integer replayed = replayGone(c, given.other(), seqid, opcode, out);
            if (replayed != null) {
                return replayed;
            }
        }
        return status;
    }

    private static int replay(OwnerSeqids.Verdict v, XdrWriter out) {
        out.buffer().writeBytes(v.body());
        return v.status();
    }
}

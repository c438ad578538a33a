package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.locks.LockOutcome;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrWriter;

/** What LOCK, LOCKT and LOCKU share: lock types, the range rules and LOCK4denied. */
final class LockRanges {

    static final int READ_LT = 1;
    static final int WRITE_LT = 2;
    static final int READW_LT = 3;
    static final int WRITEW_LT = 4;
    /** length4 all ones: to the end of the file. */
    static final long TO_EOF = -1L;

    private LockRanges() {
    }

    static boolean validType(int type) {
        return type >= READ_LT && type <= WRITEW_LT;
    }

    static boolean exclusive(int type) {
        return type == WRITE_LT || type == WRITEW_LT;
    }

    /**
     * RFC 7530 §16.10.4: a zero length, or a length other than all ones whose end passes 2^64 − 1,
     * is INVAL. The lock-service keeps full 64-bit ranges, so BAD_RANGE (for 32-bit servers) never
     * applies.
     */
    static int check(long offset, long length) {
        if (length == 0) {
            return Nfs4Status.INVAL;
        }
        if (length != TO_EOF && Long.compareUnsigned(offset + length - 1, offset) < 0) {
            return Nfs4Status.INVAL;
        }
        return Nfs4Status.OK;
    }

    /** LOCK4denied: the conflicting lock's range and type and its owner (clientid 0 for a non-NFSv4 holder). */
    static void denied(CompoundContext c, LockOutcome.Conflict conflict, XdrWriter out) {
        if (conflict == null) {
            out.writeLong(0).writeLong(TO_EOF).writeInt(WRITE_LT).writeLong(0).writeOpaque(new byte[0]);
            return;
        }
        long clientId = conflict.protocol() == io.dittofs.gateway.locks.LockProtocol.NFS4
                ? c.server().clients().clientIdOf(new io.dittofs.gateway.locks.ClientRef(conflict.clientId(), false))
                : 0;
        out.writeLong(conflict.offset()).writeLong(conflict.length() == 0 ? TO_EOF : conflict.length())
                .writeInt(conflict.exclusive() ? WRITE_LT : READ_LT).writeLong(Math.max(clientId, 0))
                .writeOpaque(OpenStates.conflictOwner(conflict));
    }
}

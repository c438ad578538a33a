package io.dittofs.nfsclient.v4;

import io.dittofs.nfsclient.XdrIn;
import io.dittofs.nfsclient.XdrOut;

import java.util.ArrayList;
import java.util.List;

/**
 * One COMPOUND request being built: operations are appended with their arguments; {@link Reply}
 * walks the results in the same order.
 */
final class Compound {

    final XdrOut args = new XdrOut();
    final List<Integer> ops = new ArrayList<>();

    Compound op(int opcode) {
        ops.add(opcode);
        args.writeInt(opcode);
        return this;
    }

    /** The results of a COMPOUND, consumed operation by operation. */
    static final class Reply {
        final int status;
        final XdrIn in;
        private int left;

        Reply(XdrIn in) {
            this.in = in;
            this.status = in.readInt();
            in.readOpaque();
            this.left = in.readInt();
        }

        /** Reads the next result's header, throwing when it is not NFS4_OK; the caller then reads its body. */
        XdrIn next(int expectedOp) {
            if (left-- <= 0) {
                throw new Nfs4Exception(expectedOp, status);
            }
            int op = in.readInt();
            int st = in.readInt();
            if (op != expectedOp) {
                throw new io.dittofs.nfsclient.RpcException("expected result of op " + expectedOp + ", got " + op);
            }
            if (st != 0) {
                throw new Nfs4Exception(op, st);
            }
            return in;
        }
    }
}

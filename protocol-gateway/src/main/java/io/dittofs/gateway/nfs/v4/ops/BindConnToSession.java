package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * BIND_CONN_TO_SESSION (RFC 8881 §18.34). Every connection may carry any session's fore channel, so
 * binding it for the fore channel only confirms; a connection offered for the back channel becomes
 * the session's callback path. RDMA mode is never used.
 */
public final class BindConnToSession implements Nfs4Op<BindConnToSession.Args> {

    static final int CDFC4_FORE = 1;
    static final int CDFC4_BACK = 2;
    static final int CDFC4_FORE_OR_BOTH = 3;
    static final int CDFC4_BACK_OR_BOTH = 7;
    static final int CDFS4_FORE = 1;
    static final int CDFS4_BACK = 2;
    static final int CDFS4_BOTH = 3;

    public record Args(byte[] sessionId, int dir, boolean rdma) {
    }

    @Override
    public int code() {
        return 41;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        byte[] id = in.readFixedOpaque(16);
        int dir = in.readInt();
        boolean rdma = in.readBool();
        return new Args(id, dir, rdma);
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (a.dir() != CDFC4_FORE && a.dir() != CDFC4_BACK && a.dir() != CDFC4_FORE_OR_BOTH
                && a.dir() != CDFC4_BACK_OR_BOTH) {
            return Nfs4Status.INVAL;
        }
        var found = c.server().clients().session(a.sessionId());
        if (found.isEmpty()) {
            return Nfs4Status.BADSESSION;
        }
        var s = found.get();
        int answer = CDFS4_FORE;
        var connection = c.call().callbackClient();
        if (a.dir() != CDFC4_FORE && connection.isPresent()) {
            s.backChannel(connection.get());
            answer = a.dir() == CDFC4_BACK ? CDFS4_BACK : CDFS4_BOTH;
        } else if (a.dir() == CDFC4_BACK) {
            // no connection to call back on (UDP, tests): the back channel cannot be bound here
            return Nfs4Status.INVAL;
        }
        out.writeFixedOpaque(a.sessionId()).writeInt(answer).writeBool(false);
        return Nfs4Status.OK;
    }
}

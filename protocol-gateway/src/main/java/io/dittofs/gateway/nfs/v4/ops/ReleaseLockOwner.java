package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * RELEASE_LOCKOWNER (RFC 7530 §16.37, 4.0 only): the lock-owner's stateids end; LOCKS_HELD while
 * it still holds byte-range locks on any file.
 */
public final class ReleaseLockOwner implements Nfs4Op<ReleaseLockOwner.Args> {

    public record Args(long clientId, byte[] owner) {
    }

    @Override
    public int code() {
        return 39;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readLong(), in.readOpaque(1024));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        var client = c.server().clients().client(a.clientId());
        if (client.isEmpty() || !client.get().confirmed()) {
            return Nfs4Status.STALE_CLIENTID;
        }
        c.server().clients().renew(a.clientId());
        return c.server().opens().releaseLockOwner(a.clientId(), a.owner());
    }
}

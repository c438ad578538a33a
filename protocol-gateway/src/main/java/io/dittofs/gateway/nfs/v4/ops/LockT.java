package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.state.Nfs4LockStatus;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * LOCKT (RFC 7530 §16.11): would the lock-owner get this lock? OK, or DENIED with the conflicting
 * lock (of any protocol). No state is created; the owner need not exist.
 */
public final class LockT implements Nfs4Op<LockT.Args> {

    public record Args(int type, long offset, long length, long clientId, byte[] owner) {
    }

    @Override
    public int code() {
        return 13;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readInt(), in.readLong(), in.readLong(), in.readLong(), in.readOpaque(1024));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real r)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : Nfs4Status.ISDIR;
        }
        if (!c.server().opens().lockService()) {
            return Nfs4Status.NOTSUPP;
        }
        if (!LockRanges.validType(a.type())) {
            return Nfs4Status.INVAL;
        }
        int range = LockRanges.check(a.offset(), a.length());
        if (range != Nfs4Status.OK) {
            return range;
        }
        var attr = c.server().fs().getAttr(c.principal(), r.handle());
        if (!attr.status().ok()) {
            return Nfs4Status.of(attr.status());
        }
        switch (attr.attr().type()) {
            case REGULAR -> { }
            case DIRECTORY -> {
                return Nfs4Status.ISDIR;
            }
            default -> {
                return Nfs4Status.INVAL;
            }
        }
        long clientId = c.minor() == 0 ? a.clientId() : c.session().clientId();
        var client = c.server().clients().client(clientId);
        if (client.isEmpty() || !client.get().confirmed()) {
            return c.minor() == 0 ? Nfs4Status.STALE_CLIENTID : Nfs4Status.EXPIRED;
        }
        var lockClient = c.server().clients().lockClient(clientId);
        if (lockClient == null) {
            return Nfs4Status.EXPIRED;
        }
        c.server().clients().renew(clientId);
        var t = c.server().opens().test(lockClient, a.owner(), r.handle(), LockRanges.exclusive(a.type()),
                a.offset(), a.length());
        if (t.status() == LockStatus.DENIED) {
            LockRanges.denied(c, t.conflict(), out);
            return Nfs4Status.DENIED;
        }
        return Nfs4LockStatus.of(t.status());
    }
}

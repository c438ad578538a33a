package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** READLINK (RFC 7530 §16.25). */
public final class ReadLink implements Nfs4Op<Void> {

    @Override
    public int code() {
        return 27;
    }

    @Override
    public Void decode(XdrReader in) {
        return null;
    }

    @Override
    public int execute(CompoundContext c, Void args, XdrWriter out) {
        return switch (c.current()) {
            case null -> Nfs4Status.NOFILEHANDLE;
            case Fh.Pseudo p -> Nfs4Status.INVAL;
            case Fh.Real r -> {
                var l = c.server().fs().readLink(c.principal(), r.handle());
                if (!l.status().ok()) {
                    yield l.status() == io.dittofs.gateway.fs.model.FsStatus.BADTYPE ? Nfs4Status.INVAL
                            : Nfs4Status.of(l.status());
                }
                out.writeString(l.target());
                yield Nfs4Status.OK;
            }
        };
    }
}

package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.nfs.v4.PseudoFs;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** LOOKUPP (RFC 7530 §16.16): the parent of a share's root is its pseudo directory; the pseudo root has none. */
public final class LookupP implements Nfs4Op<Void> {

    @Override
    public int code() {
        return 16;
    }

    @Override
    public Void decode(XdrReader in) {
        return null;
    }

    @Override
    public int execute(CompoundContext c, Void args, XdrWriter out) {
        return switch (c.current()) {
            case null -> Nfs4Status.NOFILEHANDLE;
            case Fh.Pseudo p -> p.path().equals("/") ? Nfs4Status.NOENT : c.setCurrent(new Fh.Pseudo(PseudoFs.parent(p.path())));
            case Fh.Real r -> real(c, r);
        };
    }

    private static int real(CompoundContext c, Fh.Real r) {
        var attr = c.server().fs().getAttr(c.principal(), r.handle());
        if (!attr.status().ok()) {
            return Nfs4Status.of(attr.status());
        }
        if (attr.attr().type() != FileType.DIRECTORY) {
            return attr.attr().type() == FileType.SYMLINK ? Nfs4Status.SYMLINK : Nfs4Status.NOTDIR;
        }
        var export = c.server().pseudo().exportPathOfRoot(c.caller(), r.handle());
        if (export.isPresent()) {
            return export.get().equals("/") ? Nfs4Status.NOENT : c.setCurrent(new Fh.Pseudo(PseudoFs.parent(export.get())));
        }
        var up = c.server().fs().lookup(c.principal(), r.handle(), "..");
        return up.status().ok() ? c.setCurrent(new Fh.Real(up.handle())) : Nfs4Status.of(up.status());
    }
}

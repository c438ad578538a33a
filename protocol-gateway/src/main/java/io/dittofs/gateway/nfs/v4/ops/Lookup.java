package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.PseudoFs;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** LOOKUP (RFC 7530 §16.15): within a share, in the pseudo file system, or from it into a share. */
public final class Lookup implements Nfs4Op<byte[]> {

    @Override
    public int code() {
        return 15;
    }

    @Override
    public byte[] decode(XdrReader in) throws XdrException {
        return Names.read(in);
    }

    @Override
    public int execute(CompoundContext c, byte[] raw, XdrWriter out) {
        if (c.current() == null) {
            return Nfs4Status.NOFILEHANDLE;
        }
        int bad = Names.check(raw);
        if (bad != Nfs4Status.OK) {
            return bad;
        }
        String name = Names.decode(raw);
        return switch (c.current()) {
            case Fh.Pseudo p -> pseudo(c, p.path(), name);
            case Fh.Real r -> real(c, r, name);
        };
    }

    private static int pseudo(CompoundContext c, String dir, String name) {
        PseudoFs pfs = c.server().pseudo();
        String path = PseudoFs.child(dir, name);
        var share = pfs.shareAt(path);
        if (share.isPresent()) {
            return pfs.root(c.caller(), share.get()).map(h -> c.setCurrent(new Fh.Real(h))).orElse(Nfs4Status.NOENT);
        }
        return pfs.isDir(path) ? c.setCurrent(new Fh.Pseudo(path)) : Nfs4Status.NOENT;
    }

    private static int real(CompoundContext c, Fh.Real dir, String name) {
        var r = c.server().fs().lookup(c.principal(), dir.handle(), name);
        if (r.status() == FsStatus.NOTDIR) {
            return notDir(c, dir);
        }
        if (!r.status().ok()) {
            return Nfs4Status.of(r.status());
        }
        return c.setCurrent(new Fh.Real(r.handle()));
    }

    /** NFSv4 tells a symlink (SYMLINK) from other non-directories (NOTDIR). */
    static int notDir(CompoundContext c, Fh.Real obj) {
        var a = c.server().fs().getAttr(c.principal(), obj.handle());
        return a.status().ok() && a.attr().type() == FileType.SYMLINK ? Nfs4Status.SYMLINK : Nfs4Status.NOTDIR;
    }
}

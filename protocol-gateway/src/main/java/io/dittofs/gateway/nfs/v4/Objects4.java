package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.nfs.v4.attr.AttrSource;

/** The current object's attributes, whether it is a pseudo directory or an object of a share. */
public final class Objects4 {

    /** @param source null unless status is OK */
    public record Attrs(int status, AttrSource source) {
    }

    private Objects4() {
    }

    public static Attrs current(CompoundContext c) {
        return switch (c.current()) {
            case null -> new Attrs(Nfs4Status.NOFILEHANDLE, null);
            case Fh.Pseudo p -> c.server().pseudo().isDir(p.path()) || p.path().equals("/")
                    ? new Attrs(Nfs4Status.OK, pseudo(p.path()))
                    : new Attrs(Nfs4Status.STALE, null);
            case Fh.Real r -> {
                var a = c.server().fs().getAttr(c.principal(), r.handle());
                yield a.status().ok() ? new Attrs(Nfs4Status.OK, real(c, r, a.attr()))
                        : new Attrs(Nfs4Status.of(a.status()), null);
            }
        };
    }

    public static AttrSource pseudo(String path) {
        FileAttr a = PseudoFs.attr(path);
        return new AttrSource(a, new Fh.Pseudo(path).bytes(), PseudoFs.PSEUDO_FSID, 0, a.fileid(), null, false);
    }

    public static AttrSource real(CompoundContext c, Fh.Real r, FileAttr a) {
        return new AttrSource(a, r.bytes(), a.fsid(), 1, a.fileid(),
                () -> c.server().fs().fsStat(c.principal(), r.handle()));
    }
}

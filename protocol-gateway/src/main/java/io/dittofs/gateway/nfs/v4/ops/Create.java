package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.nfs.v4.attr.SetAttrDecoder;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** CREATE (RFC 7530 §16.4): directories, symlinks, devices, sockets and fifos (regular files come by OPEN). */
public final class Create implements Nfs4Op<Create.Args> {

    public record Args(int type, String link, int major, int minor, byte[] name, SetAttrDecoder.Decoded attrs) {
    }

    @Override
    public int code() {
        return 6;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        int type = in.readInt();
        String link = null;
        int major = 0;
        int minor = 0;
        switch (type) {
            case 5 -> link = in.readString(4096);
            case 3, 4 -> {
                major = in.readInt();
                minor = in.readInt();
            }
            default -> { }
        }
        return new Args(type, link, major, minor, Names.read(in), SetAttrDecoder.read(in));
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        int[] st = new int[1];
        var before = ChangeInfo.dirBefore(c, c.current(), st);
        if (before == null) {
            return st[0];
        }
        FileType type = switch (a.type()) {
            case 2 -> FileType.DIRECTORY;
            case 3 -> FileType.BLOCK_DEVICE;
            case 4 -> FileType.CHAR_DEVICE;
            case 5 -> FileType.SYMLINK;
            case 6 -> FileType.SOCKET;
            case 7 -> FileType.FIFO;
            default -> null;
        };
        if (type == null) {
            return Nfs4Status.BADTYPE;
        }
        int bad = Names.check(a.name());
        if (bad != Nfs4Status.OK) {
            return bad;
        }
        var resolved = a.attrs().resolve(c.server().owners());
        if (resolved.status() != Nfs4Status.OK) {
            return resolved.status();
        }
        SetAttrs sa = resolved.attrs();
        CreateSpec spec = switch (type) {
            case DIRECTORY -> CreateSpec.directory(sa);
            case SYMLINK -> CreateSpec.symlink(sa, a.link());
            default -> CreateSpec.special(type, sa, a.major(), a.minor());
        };
        Fh.Real dir = (Fh.Real) c.current();
        var r = c.server().fs().create(c.principal(), dir.handle(), Names.decode(a.name()), spec);
        if (!r.status().ok()) {
            return Nfs4Status.of(r.status());
        }
        c.setCurrent(new Fh.Real(r.handle()));
        ChangeInfo.write(out, before, r.dirWcc());
        a.attrs().bits().write(out);
        return Nfs4Status.OK;
    }
}

package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.XattrResult;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * SETXATTR (RFC 8276 §8.4.2): SETXATTR4_EITHER sets, SETXATTR4_CREATE answers EXIST when the
 * attribute is set already, SETXATTR4_REPLACE answers NOXATTR when it is not; a value above 64 KiB
 * is XATTR2BIG. The object's change_info is answered (the change attribute moves with every set).
 */
public final class SetXattr implements Nfs4Op<SetXattr.Args> {

    public record Args(int option, byte[] key, byte[] value) {
    }

    @Override
    public int code() {
        return 73;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readEnum(2), Names.read(in), in.readOpaque(Xattrs.MAX_WIRE_VALUE));
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        int[] st = new int[1];
        var file = Xattrs.file(c, st);
        if (file == null) {
            return st[0];
        }
        String name = Xattrs.name(a.key(), st);
        if (name == null) {
            return st[0];
        }
        if (a.value().length > Xattrs.MAX_VALUE) {
            return Nfs4Status.XATTR2BIG;
        }
        var before = c.server().fs().getAttr(c.principal(), file);
        if (!before.status().ok()) {
            return Nfs4Status.of(before.status());
        }
        XattrResult.SetMode mode = XattrResult.SetMode.values()[a.option()];
        var r = c.server().fs().setXattr(c.principal(), file, name, a.value(), mode);
        if (!r.status().ok()) {
            return Xattrs.status(r.status());
        }
        Xattrs.changeInfo(out, before.attr(), r.wcc());
        return Nfs4Status.OK;
    }
}

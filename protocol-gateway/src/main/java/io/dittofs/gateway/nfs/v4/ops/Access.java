package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** ACCESS (RFC 7530 §16.1): the namespace's answer, without write bits where the share gate forbids changes. */
public final class Access implements Nfs4Op<Integer> {

    private static final int ALL = 0x3f;
    /** RFC 8276 §8.3: ACCESS4_XATTR_READ, ACCESS4_XATTR_WRITE and ACCESS4_XATTR_LIST, 4.2 only. */
    private static final int XATTR_READ = 0x40;
    private static final int XATTR_WRITE = 0x80;
    private static final int XATTR_LIST = 0x100;

    @Override
    public int code() {
        return 3;
    }

    private static final int NOT_FOR_DIRECTORIES = AccessBits.EXECUTE;
    private static final int NOT_FOR_FILES = AccessBits.LOOKUP | AccessBits.DELETE;

    @Override
    public Integer decode(XdrReader in) throws XdrException {
        return in.readInt();
    }

    @Override
    public int execute(CompoundContext c, Integer requested, XdrWriter out) {
        int asked = requested & (c.minor() >= 2 ? ALL | XATTR_READ | XATTR_WRITE | XATTR_LIST : ALL);
        int granted;
        switch (c.current()) {
            case null -> {
                return Nfs4Status.NOFILEHANDLE;
            }
            case Fh.Pseudo p -> {
                asked &= ~NOT_FOR_DIRECTORIES;
                granted = asked & (AccessBits.READ | AccessBits.LOOKUP);
            }
            case Fh.Real r -> {
                var attr = c.server().fs().getAttr(c.principal(), r.handle());
                if (!attr.status().ok()) {
                    return Nfs4Status.of(attr.status());
                }
                // RFC 7530 §16.1: LOOKUP and DELETE mean something for directories only, EXECUTE for the rest
                asked &= attr.attr().type() == io.dittofs.gateway.fs.model.FileType.DIRECTORY ? ~NOT_FOR_DIRECTORIES
                        : ~NOT_FOR_FILES;
                var a = c.server().fs().access(c.principal(), r.handle(), asked);
                if (!a.status().ok()) {
                    return Nfs4Status.of(a.status());
                }
                granted = c.mayModify() ? a.granted() : a.granted() & ~(AccessBits.WRITES | XATTR_WRITE);
            }
        }
        out.writeInt(asked).writeInt(granted & asked);
        return Nfs4Status.OK;
    }
}

package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** PUTROOTFH and PUTPUBFH (RFC 7530 §16.22, §16.21): the root of the pseudo file system, or the share exported at "/". */
public final class PutRootFh implements Nfs4Op<Void> {

    public static final int PUTPUBFH = 23;
    public static final int PUTROOTFH = 24;

    private final int code;

    public PutRootFh(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public Void decode(XdrReader in) {
        return null;
    }

    @Override
    public int execute(CompoundContext c, Void args, XdrWriter out) {
        var share = c.server().pseudo().shareAt("/");
        if (share.isEmpty()) {
            return c.setCurrent(Fh.Pseudo.ROOT);
        }
        return c.server().pseudo().root(c.caller(), share.get()).map(h -> c.setCurrent(new Fh.Real(h)))
                .orElse(Nfs4Status.SERVERFAULT);
    }
}

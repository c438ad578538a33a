package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_NULL (RFC 1813 §3.3.0). */
public final class Null implements Nfs3Procedure<Null.Args> {

    public record Args() {
    }

    @Override
    public int number() {
        return 0;
    }

    @Override
    public Args decode(XdrReader in) {
        return new Args();
    }

    @Override
    public Handle handle(Args a) {
        return null;
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        // void result
    }

    @Override
    public void failure(XdrWriter out, int status) {
        // NULL cannot fail
    }
}

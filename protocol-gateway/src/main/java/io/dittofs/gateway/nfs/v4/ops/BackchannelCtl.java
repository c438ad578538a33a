package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** BACKCHANNEL_CTL (RFC 8881 §18.33): a new callback program (and security, read and bounded) for the session's back channel. */
public final class BackchannelCtl implements Nfs4Op<BackchannelCtl.Args> {

    public record Args(int program, io.dittofs.gateway.rpc.Credential credential) {
    }

    @Override
    public int code() {
        return 40;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        int program = in.readInt();
        return new Args(program, CallbackSec.read(in));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (c.session() == null) {
            return Nfs4Status.OP_NOT_IN_SESSION;
        }
        c.session().callbackProgram(a.program());
        c.session().callbackCredential(a.credential());
        return Nfs4Status.OK;
    }
}

package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** SETCLIENTID (RFC 7530 §16.33): CLID_INUSE for another principal's owner, callback updates, rebooted clients. The callback is used once SETCLIENTID_CONFIRM succeeds ({@code Nfs4Callbacks}). */
public final class SetClientId implements Nfs4Op<SetClientId.Args> {

    public record Args(byte[] verifier, byte[] owner, int cbProgram, String netid, String addr, int ident) {
    }

    @Override
    public int code() {
        return 35;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readFixedOpaque(8), in.readOpaque(1024), in.readInt(), in.readString(64),
                in.readString(128), in.readInt());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        var r = c.server().clients().setClientId(a.owner(), a.verifier(), c.principalKey());
        if (r.status() == Nfs4Status.CLID_INUSE) {
            // clientaddr4 of the record in use: this server keeps no callback address to name
            out.writeString("").writeString("");
            return r.status();
        }
        c.server().callbacks().offered40(r.clientId(), a.cbProgram(), a.netid(), a.addr(), a.ident());
        out.writeLong(r.clientId()).writeFixedOpaque(r.confirm());
        return Nfs4Status.OK;
    }
}

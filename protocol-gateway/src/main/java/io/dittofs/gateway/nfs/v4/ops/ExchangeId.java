package io.dittofs.gateway.nfs.v4.ops;

import java.nio.charset.StandardCharsets;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** EXCHANGE_ID (RFC 8881 §18.35): SP4_NONE and SP4_MACH_CRED requests, answered with SP4_NONE; no pNFS. */
public final class ExchangeId implements Nfs4Op<ExchangeId.Args> {

    private static final int SP4_NONE = 0;
    private static final int SP4_MACH_CRED = 1;
    private static final int FLAG_USE_NON_PNFS = 0x00010000;
    private static final int FLAG_CONFIRMED_R = 0x80000000;
    private static final int FLAG_MASK_A = 0x00000001 | 0x00000002 | 0x00000004 | 0x00070000 | 0x40000000;
    private static final byte[] SERVER_MAJOR = "dittofs".getBytes(StandardCharsets.UTF_8);

    public record Args(byte[] verifier, byte[] owner, int flags) {
    }

    @Override
    public int code() {
        return 42;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        byte[] verifier = in.readFixedOpaque(8);
        byte[] owner = in.readOpaque(1024);
        int flags = in.readInt();
        int how = in.readEnum(2);
        if (how == SP4_MACH_CRED) {
            io.dittofs.gateway.nfs.v4.attr.Bitmap.read(in);
            io.dittofs.gateway.nfs.v4.attr.Bitmap.read(in);
        } else if (how != SP4_NONE) {
            throw new XdrException("SP4_SSV is not supported");
        }
        long impls = in.readUnsignedInt();
        if (impls > 1) {
            throw new XdrException("client_impl_id has " + impls + " entries");
        }
        if (impls == 1) {
            in.readOpaque(1024);
            in.readOpaque(1024);
            in.readLong();
            in.readInt();
        }
        return new Args(verifier, owner, flags);
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if ((a.flags() & ~FLAG_MASK_A) != 0) {
            return Nfs4Status.INVAL;
        }
        var client = c.server().clients().establish(a.owner(), a.verifier());
        out.writeLong(client.id()).writeInt(client.createSessionSeq());
        out.writeInt(FLAG_USE_NON_PNFS | (client.confirmed() ? FLAG_CONFIRMED_R : 0));
        out.writeInt(SP4_NONE);
        out.writeLong(0).writeOpaque(SERVER_MAJOR);
        out.writeOpaque(SERVER_MAJOR);
        out.writeInt(0);
        return Nfs4Status.OK;
    }
}

package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

import java.nio.charset.StandardCharsets;

/**
 * EXCHANGE_ID (RFC 8881 §18.35): the record cases of §18.35.5 (see {@code ClientStates.exchangeId});
 * SP4_NONE and SP4_MACH_CRED requests are answered with SP4_NONE, SP4_SSV with
 * NFS4ERR_ENCR_ALG_UNSUPP (SSV needs RPCSEC_GSS, which this server does not offer); no pNFS.
 */
public final class ExchangeId implements Nfs4Op<ExchangeId.Args> {

    static final int SP4_NONE = 0;
    static final int SP4_MACH_CRED = 1;
    static final int SP4_SSV = 2;
    private static final int FLAG_SUPP_MOVED_REFER = 0x1;
    private static final int FLAG_SUPP_MOVED_MIGR = 0x2;
    private static final int FLAG_BIND_PRINC_STATEID = 0x100;
    private static final int FLAG_USE_NON_PNFS = 0x10000;
    private static final int FLAG_USE_PNFS_MDS = 0x20000;
    private static final int FLAG_USE_PNFS_DS = 0x40000;
    private static final int FLAG_UPD_CONFIRMED_REC_A = 0x40000000;
    private static final int FLAG_CONFIRMED_R = 0x80000000;
    /** The flags a client may send in NFSv4.1; anything else (0x4 is 4.2's SUPP_FENCE_OPS) is INVAL. */
    private static final int FLAG_MASK_A = FLAG_SUPP_MOVED_REFER | FLAG_SUPP_MOVED_MIGR | FLAG_BIND_PRINC_STATEID
            | FLAG_USE_NON_PNFS | FLAG_USE_PNFS_MDS | FLAG_USE_PNFS_DS | FLAG_UPD_CONFIRMED_REC_A;
    private static final int MAX_OIDS = 16;
    private static final byte[] SERVER_MAJOR = "dittofs".getBytes(StandardCharsets.UTF_8);

    public record Args(byte[] verifier, byte[] owner, int flags, int how) {
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
        if (how == SP4_MACH_CRED || how == SP4_SSV) {
            Bitmap.read(in);
            Bitmap.read(in);
        }
        if (how == SP4_SSV) {
            oids(in);
            oids(in);
            in.readInt();
            in.readInt();
        }
        // client_impl_id is nfs_impl_id4<1>: an empty array or one entry
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
        return new Args(verifier, owner, flags, how);
    }

    private static void oids(XdrReader in) throws XdrException {
        long n = in.readUnsignedInt();
        if (n > MAX_OIDS) {
            throw new XdrException(n + " algorithm OIDs");
        }
        for (int i = 0; i < n; i++) {
            in.readOpaque(1024);
        }
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if ((a.flags() & ~FLAG_MASK_A) != 0) {
            return Nfs4Status.INVAL;
        }
        if (a.how() == SP4_SSV) {
            return Nfs4Status.ENCR_ALG_UNSUPP;
        }
        boolean update = (a.flags() & FLAG_UPD_CONFIRMED_REC_A) != 0;
        var r = c.server().clients().exchangeId(a.owner(), a.verifier(), c.principalKey(), update);
        if (r.status() != Nfs4Status.OK) {
            return r.status();
        }
        var client = r.client();
        out.writeLong(client.id()).writeInt(client.createSessionSeq());
        out.writeInt(FLAG_USE_NON_PNFS | (client.confirmed() ? FLAG_CONFIRMED_R : 0));
        out.writeInt(SP4_NONE);
        out.writeLong(0).writeOpaque(SERVER_MAJOR);
        out.writeOpaque(SERVER_MAJOR);
        out.writeInt(0);
        return Nfs4Status.OK;
    }
}

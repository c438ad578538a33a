package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.Objects4;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * VERIFY and NVERIFY (RFC 7530 §16.35, §16.19): the client's fattr4 compared byte for byte with
 * this server's encoding of the same attributes (rdattr_error may not be asked: INVAL).
 */
public final class Verify implements Nfs4Op<Verify.Args> {

    public static final int VERIFY = 37;
    public static final int NVERIFY = 17;
    private static final int MAX_ATTRLIST = 64 * 1024;

    public record Args(Bitmap bits, byte[] values) {
    }

    private final int code;

    public Verify(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(Bitmap.read(in), in.readOpaque(MAX_ATTRLIST));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (a.bits().has(Fattr4.RDATTR_ERROR) || !a.bits().and(Fattr4.WRITE_ONLY).isEmpty()) {
            return Nfs4Status.INVAL;
        }
        if (!a.bits().minus(Fattr4.supported(c.minor())).isEmpty()) {
            return Nfs4Status.ATTRNOTSUPP;
        }
        var attrs = Objects4.current(c);
        if (attrs.status() != Nfs4Status.OK) {
            return attrs.status();
        }
        ByteBuf mine = Unpooled.buffer();
        try {
            XdrWriter w = new XdrWriter(mine);
            Fattr4.write(w, a.bits(), attrs.source(), c.server().owners(), c.minor());
            XdrReader r = new XdrReader(mine);
            Bitmap.read(r);
            byte[] values = r.readOpaque(Integer.MAX_VALUE);
            boolean same = Arrays.equals(values, a.values());
            if (code == VERIFY) {
                return same ? Nfs4Status.OK : Nfs4Status.NOT_SAME;
            }
            return same ? Nfs4Status.SAME : Nfs4Status.OK;
        } catch (XdrException e) {
            throw new IllegalStateException("our own fattr4 encoding could not be read back", e);
        } finally {
            mine.release();
        }
    }
}

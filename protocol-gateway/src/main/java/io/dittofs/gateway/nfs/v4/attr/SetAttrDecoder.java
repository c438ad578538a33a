package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.SetTime;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;

/**
 * A fattr4 a client sends to set (OPEN createattrs, SETATTR, CREATE): size, mode, owner and group
 * as numeric ids, and the two settable times. Any other attribute makes the whole set ATTRNOTSUPP.
 */
public final class SetAttrDecoder {

    public static final int MAX_ATTRLIST = 8192;
    public static final int TIME_ACCESS_SET = 48;
    public static final int TIME_MODIFY_SET = 54;
    /** What this decoder can set. */
    public static final Bitmap SETTABLE = Bitmap.of(Fattr4.SIZE, Fattr4.MODE, Fattr4.OWNER, Fattr4.OWNER_GROUP,
            TIME_ACCESS_SET, TIME_MODIFY_SET);

    /** @param attrs null unless {@code ok} */
    public record Decoded(boolean ok, boolean unsupported, SetAttrs attrs, Bitmap bits) {
    }

    private SetAttrDecoder() {
    }

    /** Reads the fattr4 (garbage in the bitmap or list framing is XdrException; bad values are INVAL). */
    public static Decoded read(XdrReader in) throws XdrException {
        Bitmap bits = Bitmap.read(in);
        byte[] list = in.readOpaque(MAX_ATTRLIST);
        if (!bits.minus(SETTABLE).isEmpty()) {
            return new Decoded(false, true, null, bits);
        }
        XdrReader v = new XdrReader(Unpooled.wrappedBuffer(list));
        Long size = null;
        Integer mode = null;
        Integer uid = null;
        Integer gid = null;
        SetTime atime = null;
        SetTime mtime = null;
        try {
            if (bits.has(Fattr4.SIZE)) {
                size = v.readLong();
            }
            if (bits.has(Fattr4.MODE)) {
                mode = v.readInt() & 07777;
            }
            if (bits.has(Fattr4.OWNER)) {
                uid = id(v.readString(1024));
            }
            if (bits.has(Fattr4.OWNER_GROUP)) {
                gid = id(v.readString(1024));
            }
            if (bits.has(TIME_ACCESS_SET)) {
                atime = time(v);
            }
            if (bits.has(TIME_MODIFY_SET)) {
                mtime = time(v);
            }
        } catch (XdrException | NumberFormatException e) {
            return new Decoded(false, false, null, bits);
        }
        if ((uid != null && uid < 0) || (gid != null && gid < 0) || (size != null && size < 0)) {
            return new Decoded(false, false, null, bits);
        }
        return new Decoded(true, false, new SetAttrs(mode, uid, gid, size, atime, mtime), bits);
    }

    /** Numeric ids only for now ("1000", or "1000@domain"). */
    private static int id(String s) {
        int at = s.indexOf('@');
        String n = at < 0 ? s : s.substring(0, at);
        long v = Long.parseLong(n);
        if (v < 0 || v > 0xffffffffL) {
            throw new NumberFormatException(s);
        }
        return (int) v;
    }

    private static SetTime time(XdrReader v) throws XdrException {
        int how = v.readEnum(1);
        if (how == 0) {
            return SetTime.SERVER;
        }
        long sec = v.readLong();
        int nsec = v.readInt();
        if (nsec < 0 || nsec >= 1_000_000_000) {
            throw new XdrException("nseconds out of range");
        }
        return new SetTime.ClientTime(new Time(sec, nsec));
    }
}

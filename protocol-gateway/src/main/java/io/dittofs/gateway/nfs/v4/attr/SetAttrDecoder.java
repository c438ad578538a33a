package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.SetTime;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;

/**
 * A fattr4 a client sends to set (OPEN createattrs, SETATTR, CREATE): size, acl (as mode bits, see
 * {@link ModeAcl}), mode, owner and group (numeric or names, see {@link Owners}), and the two
 * settable times. Any other attribute makes the whole set ATTRNOTSUPP.
 */
public final class SetAttrDecoder {

    public static final int MAX_ATTRLIST = 8192;
    public static final int TIME_ACCESS_SET = 48;
    public static final int TIME_MODIFY_SET = 54;
    /** What this decoder can set. */
    public static final Bitmap SETTABLE = Bitmap.of(Fattr4.SIZE, Fattr4.ACL, Fattr4.MODE, Fattr4.OWNER,
            Fattr4.OWNER_GROUP, TIME_ACCESS_SET, TIME_MODIFY_SET);
    /** suppattr_exclcreat (RFC 8881 §5.8.1.14): the verifier is kept apart, so everything settable may come with EXCLUSIVE4_1. */
    public static final Bitmap EXCLUSIVE_CREATE = SETTABLE;

    /**
     * What was decoded. The owner strings are mapped only by {@link #resolve}, which knows the
     * server's domain and names.
     *
     * @param status OK, ATTRNOTSUPP (an attribute this server lacks), INVAL (a read-only one or a bad
     *               value), BADXDR (values not matching the bitmap) or FBIG (a size beyond 2^63-1)
     */
    public record Decoded(int status, Bitmap bits, Long size, Integer mode, String owner, String group,
                          SetTime atime, SetTime mtime) {

        public boolean ok() {
            return status == Nfs4Status.OK;
        }

        public boolean unsupported() {
            return status == Nfs4Status.ATTRNOTSUPP;
        }

        /** The neutral attributes, or the status refusing them (BADOWNER for an owner nobody has). */
        public Resolved resolve(Owners owners) {
            if (!ok()) {
                return new Resolved(status, null);
            }
            Integer uid = null;
            Integer gid = null;
            if ((owner != null && owner.isEmpty()) || (group != null && group.isEmpty())) {
                return new Resolved(Nfs4Status.INVAL, null);
            }
            if (owner != null) {
                long u = owners.uid(owner);
                if (u == Owners.UNKNOWN) {
                    return new Resolved(Nfs4Status.BADOWNER, null);
                }
                uid = (int) u;
            }
            if (group != null) {
                long g = owners.gid(group);
                if (g == Owners.UNKNOWN) {
                    return new Resolved(Nfs4Status.BADOWNER, null);
                }
                gid = (int) g;
            }
            return new Resolved(Nfs4Status.OK, new SetAttrs(mode, uid, gid, size, atime, mtime));
        }
    }

    /** @param attrs null unless status is OK */
    public record Resolved(int status, SetAttrs attrs) {
    }

    private SetAttrDecoder() {
    }

    /** Reads the fattr4 (garbage in the bitmap or list framing is XdrException; bad values are INVAL). */
    public static Decoded read(XdrReader in) throws XdrException {
        Bitmap bits = Bitmap.read(in);
        byte[] list = in.readOpaque(MAX_ATTRLIST);
        Bitmap notSettable = bits.minus(SETTABLE);
        if (!notSettable.isEmpty()) {
            // an attribute this server has but nobody can set is INVAL; one it lacks, ATTRNOTSUPP (RFC 7530 §16.32)
            return failed(notSettable.and(Fattr4.SUPPORTED).isEmpty() ? Nfs4Status.ATTRNOTSUPP : Nfs4Status.INVAL, bits);
        }
        XdrReader v = new XdrReader(Unpooled.wrappedBuffer(list));
        Long size = null;
        Integer mode = null;
        String owner = null;
        String group = null;
        SetTime atime = null;
        SetTime mtime = null;
        try {
            if (bits.has(Fattr4.SIZE)) {
                size = v.readLong();
            }
            if (bits.has(Fattr4.ACL)) {
                int fromAcl = ModeAcl.toMode(ModeAcl.read(v));
                if (fromAcl < 0) {
                    return failed(Nfs4Status.ATTRNOTSUPP, bits);
                }
                mode = fromAcl;
            }
            if (bits.has(Fattr4.MODE)) {
                // both given: the mode is applied after the ACL (RFC 8881 §6.4.1.3), so it wins
                mode = v.readInt() & 07777;
            }
            if (bits.has(Fattr4.OWNER)) {
                owner = v.readString(1024);
            }
            if (bits.has(Fattr4.OWNER_GROUP)) {
                group = v.readString(1024);
            }
            if (bits.has(TIME_ACCESS_SET)) {
                atime = time(v);
            }
            if (bits.has(TIME_MODIFY_SET)) {
                mtime = time(v);
            }
        } catch (IllegalArgumentException e) {
            return failed(Nfs4Status.INVAL, bits);
        } catch (XdrException e) {
            // the values do not match the bitmap: the arguments are malformed
            return failed(Nfs4Status.BADXDR, bits);
        }
        if (v.readableBytes() != 0) {
            return failed(Nfs4Status.BADXDR, bits);
        }
        if (size != null && size < 0) {
            // beyond 2^63-1, the largest file this server (maxfilesize) can hold
            return failed(Nfs4Status.FBIG, bits);
        }
        return new Decoded(Nfs4Status.OK, bits, size, mode, owner, group, atime, mtime);
    }

    private static Decoded failed(int status, Bitmap bits) {
        return new Decoded(status, bits, null, null, null, null, null, null);
    }

    private static SetTime time(XdrReader v) throws XdrException {
        int how = v.readEnum(1);
        if (how == 0) {
            return SetTime.SERVER;
        }
        long sec = v.readLong();
        int nsec = v.readInt();
        if (nsec < 0 || nsec >= 1_000_000_000) {
            throw new IllegalArgumentException("nseconds out of range");
        }
        return new SetTime.ClientTime(new Time(sec, nsec));
    }
}

package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.CreateResult;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.SetTime;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.fs.model.WccAttr;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.nio.ByteBuffer;

/** NFSv3 XDR types shared by the procedures (RFC 1813 §2.5, §2.6). */
public final class Nfs3Xdr {

    /** Names longer than this are still decoded so the reply can be NAMETOOLONG, not GARBAGE_ARGS. */
    public static final int MAX_NAME_DECODE = 1024;
    public static final int MAX_PATH = 4096;
    public static final int NAME_MAX = 255;
    /** NFS3_FHSIZE. */
    public static final int FHSIZE = 64;

    private Nfs3Xdr() {
    }

    public static Handle handle(XdrReader in) throws XdrException {
        byte[] b = in.readOpaque(FHSIZE);
        // an empty handle is well-formed XDR; the procedure answers BADHANDLE
        return b.length == 0 ? Handle.EMPTY : Handle.of(b);
    }

    public record DirOp(Handle dir, String name) {
    }

    public static DirOp dirOp(XdrReader in) throws XdrException {
        return new DirOp(handle(in), in.readString(MAX_NAME_DECODE));
    }

    public static Time time(XdrReader in) throws XdrException {
        long sec = in.readUnsignedInt();
        long nsec = in.readUnsignedInt();
        if (nsec >= 1_000_000_000L) {
            throw new XdrException("nseconds out of range");
        }
        return new Time(sec, (int) nsec);
    }

    /** sattr3 (RFC 1813 §2.6). */
    public static SetAttrs sattr(XdrReader in) throws XdrException {
        Integer mode = in.readBool() ? in.readInt() & 07777 : null;
        Integer uid = in.readBool() ? in.readInt() : null;
        Integer gid = in.readBool() ? in.readInt() : null;
        Long size = in.readBool() ? in.readLong() : null;
        SetTime atime = setTime(in);
        SetTime mtime = setTime(in);
        return new SetAttrs(mode, uid, gid, size, atime, mtime);
    }

    /** time_how: DONT_CHANGE = 0, SET_TO_SERVER_TIME = 1, SET_TO_CLIENT_TIME = 2. */
    private static SetTime setTime(XdrReader in) throws XdrException {
        return switch (in.readEnum(2)) {
            case 1 -> SetTime.SERVER;
            case 2 -> new SetTime.ClientTime(time(in));
            default -> null;
        };
    }

    /** ftype3 (RFC 1813 §2.5): the wire numbers, never the contracts' enum numbers. */
    public static int ftype(FileType t) {
        return switch (t) {
            case REGULAR -> 1;
            case DIRECTORY -> 2;
            case BLOCK_DEVICE -> 3;
            case CHAR_DEVICE -> 4;
            case SYMLINK -> 5;
            case SOCKET -> 6;
            case FIFO -> 7;
            case OTHER -> 1;
        };
    }

    public static void time(XdrWriter out, Time t) {
        out.writeInt((int) t.seconds()).writeInt(t.nanos());
    }

    public static void fattr(XdrWriter out, FileAttr a) {
        out.writeInt(ftype(a.type())).writeInt(a.mode() & 07777).writeInt(a.nlink())
                .writeInt(a.uid()).writeInt(a.gid()).writeLong(a.size()).writeLong(a.spaceUsed())
                .writeInt(a.rdevMajor()).writeInt(a.rdevMinor()).writeLong(a.fsid()).writeLong(a.fileid());
        time(out, a.atime());
        time(out, a.mtime());
        time(out, a.ctime());
    }

    /** post_op_attr: present when {@code a} is non-null. */
    public static void postOpAttr(XdrWriter out, FileAttr a) {
        out.writeBool(a != null);
        if (a != null) {
            fattr(out, a);
        }
    }

    public static void postOpFh(XdrWriter out, Handle h) {
        boolean present = h != null && h.length() > 0;
        out.writeBool(present);
        if (present) {
            out.writeOpaque(h.bytes());
        }
    }

    public static void wcc(XdrWriter out, Wcc w) {
        WccAttr b = w == null ? null : w.before();
        if (b != null) {
            out.writeBool(true).writeLong(b.size());
            time(out, b.mtime());
            time(out, b.ctime());
        } else {
            out.writeBool(false);
        }
        postOpAttr(out, w == null ? null : w.after());
    }

    public static void emptyWcc(XdrWriter out) {
        out.writeBool(false).writeBool(false);
    }

    /** variable-length opaque from a buffer (READ data), padded to four bytes. */
    public static void opaque(XdrWriter out, ByteBuffer data) {
        out.writeOpaque(data);
    }

    /** CREATE/MKDIR/SYMLINK/MKNOD result (RFC 1813 §3.3.8): handle + attributes, dir wcc. */
    public static void created(XdrWriter out, CreateResult r) {
        out.writeInt(Nfs3Status.of(r.status()));
        if (r.status().ok()) {
            postOpFh(out, r.handle());
            postOpAttr(out, r.attr());
        }
        wcc(out, r.dirWcc());
    }
}

package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.FileHandles;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.contracts.metadata.v1.Attr;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.contracts.metadata.v1.SetTime;
import io.dittofs.contracts.metadata.v1.Wcc;
import io.dittofs.contracts.metadata.v1.WccAttr;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSv3 XDR types shared by the procedures (RFC 1813 §2.5, §2.6). */
public final class Nfs3Xdr {

    /** Names longer than this are still decoded so the reply can be NAMETOOLONG, not GARBAGE_ARGS. */
    public static final int MAX_NAME_DECODE = 1024;
    public static final int MAX_PATH = 4096;
    public static final int NAME_MAX = 255;

    private Nfs3Xdr() {
    }

    public static FileHandle handle(XdrReader in) throws XdrException {
        byte[] b = in.readOpaque(FileHandles.MAX_BYTES);
        if (b.length == 0) {
            // an empty handle is well-formed XDR; the procedure answers BADHANDLE
            return FileHandle.getDefaultInstance();
        }
        return FileHandles.of(b);
    }

    public record DirOp(FileHandle dir, String name) {
    }

    public static DirOp dirOp(XdrReader in) throws XdrException {
        return new DirOp(handle(in), in.readString(MAX_NAME_DECODE));
    }

    public static Timestamp time(XdrReader in) throws XdrException {
        long sec = in.readUnsignedInt();
        long nsec = in.readUnsignedInt();
        if (nsec >= 1_000_000_000L) {
            throw new XdrException("nseconds out of range");
        }
        return Timestamp.newBuilder().setSeconds(sec).setNanos((int) nsec).build();
    }

    /** sattr3 (RFC 1813 §2.6). */
    public static SetAttrs sattr(XdrReader in) throws XdrException {
        SetAttrs.Builder b = SetAttrs.newBuilder();
        if (in.readBool()) {
            b.setMode(in.readInt() & 07777);
        }
        if (in.readBool()) {
            b.setUid(in.readInt());
        }
        if (in.readBool()) {
            b.setGid(in.readInt());
        }
        if (in.readBool()) {
            b.setSize(in.readLong());
        }
        SetTime at = setTime(in);
        if (at != null) {
            b.setAtime(at);
        }
        SetTime mt = setTime(in);
        if (mt != null) {
            b.setMtime(mt);
        }
        return b.build();
    }

    private static SetTime setTime(XdrReader in) throws XdrException {
        return switch (in.readEnum(2)) {
            case 1 -> SetTime.newBuilder().setServerTime(true).build();
            case 2 -> SetTime.newBuilder().setClientTime(time(in)).build();
            default -> null;
        };
    }

    public static int ftype(FileType t) {
        return switch (t) {
            case REGULAR -> 1;
            case DIRECTORY -> 2;
            case BLOCK_DEVICE -> 3;
            case CHAR_DEVICE -> 4;
            case SYMLINK -> 5;
            case SOCKET -> 6;
            case FIFO -> 7;
            default -> 1;
        };
    }

    public static void time(XdrWriter out, Timestamp t) {
        out.writeInt((int) t.getSeconds()).writeInt(t.getNanos());
    }

    public static void fattr(XdrWriter out, Attr a) {
        out.writeInt(ftype(a.getType())).writeInt(a.getMode() & 07777).writeInt(a.getNlink())
                .writeInt(a.getUid()).writeInt(a.getGid()).writeLong(a.getSize()).writeLong(a.getSpaceUsed())
                .writeInt(a.getRdevMajor()).writeInt(a.getRdevMinor()).writeLong(a.getFsid()).writeLong(a.getFileid());
        time(out, a.getAtime());
        time(out, a.getMtime());
        time(out, a.getCtime());
    }

    /** post_op_attr: present when {@code a} is non-null and has a type. */
    public static void postOpAttr(XdrWriter out, Attr a) {
        boolean present = a != null && a.getType() != FileType.FILE_TYPE_UNSPECIFIED;
        out.writeBool(present);
        if (present) {
            fattr(out, a);
        }
    }

    public static void postOpFh(XdrWriter out, FileHandle h) {
        boolean present = h != null && !h.getValue().isEmpty();
        out.writeBool(present);
        if (present) {
            out.writeOpaque(h.getValue());
        }
    }

    public static void wcc(XdrWriter out, Wcc w) {
        if (w != null && w.hasBefore()) {
            WccAttr b = w.getBefore();
            out.writeBool(true).writeLong(b.getSize());
            time(out, b.getMtime());
            time(out, b.getCtime());
        } else {
            out.writeBool(false);
        }
        postOpAttr(out, w != null && w.hasAfter() ? w.getAfter() : null);
    }

    public static void emptyWcc(XdrWriter out) {
        out.writeBool(false).writeBool(false);
    }

    /** CREATE/MKDIR/SYMLINK/MKNOD result (RFC 1813 §3.3.8): handle + attributes, dir wcc. */
    public static void created(XdrWriter out, io.dittofs.contracts.metadata.v1.CreateResponse r) {
        out.writeInt(Nfs3Status.of(r.getStatus()));
        if (r.getStatus() == io.dittofs.contracts.common.v1.Status.OK) {
            postOpFh(out, r.getHandle());
            postOpAttr(out, r.hasAttr() ? r.getAttr() : null);
        }
        wcc(out, r.getDirWcc());
    }
}

package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStat;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * fattr4 encoding (RFC 7530 §5, RFC 8881 §5): neutral {@link FileAttr} to the attributes a client
 * asked for, in attribute-number order. Owners are numeric ids as strings (RFC 7530 §5.9 allows
 * it with AUTH_SYS).
 */
public final class Fattr4 {

    public static final int SUPPORTED_ATTRS = 0;
    public static final int TYPE = 1;
    public static final int FH_EXPIRE_TYPE = 2;
    public static final int CHANGE = 3;
    public static final int SIZE = 4;
    public static final int LINK_SUPPORT = 5;
    public static final int SYMLINK_SUPPORT = 6;
    public static final int NAMED_ATTR = 7;
    public static final int FSID = 8;
    public static final int UNIQUE_HANDLES = 9;
    public static final int LEASE_TIME = 10;
    public static final int RDATTR_ERROR = 11;
    public static final int ACL = 12;
    public static final int ACLSUPPORT = 13;
    public static final int CANSETTIME = 15;
    public static final int CASE_INSENSITIVE = 16;
    public static final int CASE_PRESERVING = 17;
    public static final int CHOWN_RESTRICTED = 18;
    public static final int FILEHANDLE = 19;
    public static final int FILEID = 20;
    public static final int FILES_AVAIL = 21;
    public static final int FILES_FREE = 22;
    public static final int FILES_TOTAL = 23;
    public static final int FS_LOCATIONS = 24;
    public static final int HOMOGENEOUS = 26;
    public static final int MAXFILESIZE = 27;
    public static final int MAXLINK = 28;
    public static final int MAXNAME = 29;
    public static final int MAXREAD = 30;
    public static final int MAXWRITE = 31;
    public static final int MODE = 33;
    public static final int NO_TRUNC = 34;
    public static final int NUMLINKS = 35;
    public static final int OWNER = 36;
    public static final int OWNER_GROUP = 37;
    public static final int RAWDEV = 41;
    public static final int SPACE_AVAIL = 42;
    public static final int SPACE_FREE = 43;
    public static final int SPACE_TOTAL = 44;
    public static final int SPACE_USED = 45;
    public static final int TIME_ACCESS = 47;
    public static final int TIME_ACCESS_SET = 48;
    public static final int TIME_DELTA = 51;
    public static final int TIME_METADATA = 52;
    public static final int TIME_MODIFY = 53;
    public static final int TIME_MODIFY_SET = 54;
    public static final int MOUNTED_ON_FILEID = 55;
    public static final int SUPPATTR_EXCLCREAT = 75;
    public static final int FS_CHARSET_CAP = 76;
    /** RFC 8276 §8.2: whether the object's file system keeps extended attributes (4.2). */
    public static final int XATTR_SUPPORT = 82;
    /** RFC 9754 §4: the OPEN arguments this server understands (4.2). */
    public static final int OPEN_ARGUMENTS = 86;
    /** fs_charset_cap: names are UTF-8 only (RFC 8881 §14.4). */
    private static final int FSCHARSET_CAP4_ALLOWS_ONLY_UTF8 = 0x2;

    public static final int LEASE_SECONDS = 90;
    /** The configured lease ({@code dittofs.nfs.lease-time}); set once at start-up by the NFSv4 configuration. */
    private static volatile int leaseSeconds = LEASE_SECONDS;
    public static final int MAX_IO = 1 << 20;
    public static final int MAX_NAME = 255;

    private static final int[] SUPPORTED_BITS = {SUPPORTED_ATTRS, TYPE, FH_EXPIRE_TYPE, CHANGE, SIZE, LINK_SUPPORT,
            SYMLINK_SUPPORT, NAMED_ATTR, FSID, UNIQUE_HANDLES, LEASE_TIME, RDATTR_ERROR, ACL, ACLSUPPORT, CANSETTIME,
            CASE_INSENSITIVE, CASE_PRESERVING, CHOWN_RESTRICTED, FILEHANDLE, FILEID, FILES_AVAIL, FILES_FREE,
            FILES_TOTAL, FS_LOCATIONS, HOMOGENEOUS,
            MAXFILESIZE, MAXLINK, MAXNAME, MAXREAD, MAXWRITE, MODE, NO_TRUNC, NUMLINKS, OWNER, OWNER_GROUP, RAWDEV,
            SPACE_AVAIL, SPACE_FREE, SPACE_TOTAL, SPACE_USED, TIME_ACCESS, TIME_ACCESS_SET, TIME_DELTA, TIME_METADATA,
            TIME_MODIFY, TIME_MODIFY_SET, MOUNTED_ON_FILEID, SUPPATTR_EXCLCREAT, FS_CHARSET_CAP, XATTR_SUPPORT,
            OPEN_ARGUMENTS};
    /** Every attribute this server answers (4.2). */
    public static final Bitmap SUPPORTED = Bitmap.of(SUPPORTED_BITS);
    /** NFSv4.1 has neither xattr_support (RFC 8276) nor open_arguments (RFC 9754), both 4.2 extensions. */
    public static final Bitmap SUPPORTED_41 = SUPPORTED.minus(Bitmap.of(XATTR_SUPPORT, OPEN_ARGUMENTS));
    /** NFSv4.0 has no suppattr_exclcreat or fs_charset_cap (RFC 7530 stops at mounted_on_fileid). */
    public static final Bitmap SUPPORTED_40 = SUPPORTED_41.minus(Bitmap.of(SUPPATTR_EXCLCREAT, FS_CHARSET_CAP));
    /** Settable only: asking to read them is INVAL (RFC 7530 §5.5). */
    public static final Bitmap WRITE_ONLY = Bitmap.of(TIME_ACCESS_SET, TIME_MODIFY_SET);

    /** The attributes of minor version {@code minor}. */
    public static Bitmap supported(int minor) {
        return minor == 0 ? SUPPORTED_40 : minor == 1 ? SUPPORTED_41 : SUPPORTED;
    }

    public static void leaseSeconds(int seconds) {
        leaseSeconds = seconds;
    }

    public static int leaseSeconds() {
        return leaseSeconds;
    }

    private Fattr4() {
    }

    /** nfs_ftype4 of a neutral type. */
    public static int type(io.dittofs.gateway.fs.model.FileType t) {
        return switch (t) {
            case REGULAR -> 1;
            case DIRECTORY -> 2;
            case BLOCK_DEVICE -> 3;
            case CHAR_DEVICE -> 4;
            case SYMLINK -> 5;
            case SOCKET -> 6;
            case FIFO -> 7;
            case OTHER -> 9;
        };
    }

    /** Writes a fattr4 of the requested attributes this server supports, owners as numeric ids. */
    public static void write(XdrWriter out, Bitmap requested, AttrSource src) {
        write(out, requested, src, Owners.NUMERIC);
    }

    /** Writes a fattr4 of the requested attributes this server supports in minor version 1. */
    public static void write(XdrWriter out, Bitmap requested, AttrSource src, Owners owners) {
        write(out, requested, src, owners, 1);
    }

    /** Writes a fattr4 of the requested attributes this server supports in {@code minor}. */
    public static void write(XdrWriter out, Bitmap requested, AttrSource src, Owners owners, int minor) {
        Bitmap supported = supported(minor);
        Bitmap answer = requested.and(supported).minus(WRITE_ONLY);
        ByteBuf vals = Unpooled.buffer();
        try {
            XdrWriter v = new XdrWriter(vals);
            FsStat stat = null;
            for (int bit = 0; bit < answer.bits(); bit++) {
                if (!answer.has(bit)) {
                    continue;
                }
                if (bit >= FILES_AVAIL && bit <= SPACE_TOTAL && stat == null && src.stat() != null) {
                    stat = src.stat().get();
                }
                value(v, bit, src, stat, owners, supported);
            }
            answer.write(out);
            out.writeInt(vals.readableBytes());
            out.buffer().writeBytes(vals);
            int pad = (4 - (vals.writerIndex() & 3)) & 3;
            out.buffer().writeZero(pad);
        } finally {
            vals.release();
        }
    }

    private static void value(XdrWriter v, int bit, AttrSource src, FsStat stat, Owners owners, Bitmap supported) {
        FileAttr a = src.attr();
        switch (bit) {
            case SUPPORTED_ATTRS -> supported.write(v);
            case TYPE -> v.writeInt(type(a.type()));
            // FH4_PERSISTENT: handles survive restarts of the gateway and the services
            case FH_EXPIRE_TYPE -> v.writeInt(0);
            case CHANGE -> v.writeLong(a.change());
            case SIZE -> v.writeLong(a.size());
            case LINK_SUPPORT, SYMLINK_SUPPORT, UNIQUE_HANDLES, CANSETTIME, CASE_PRESERVING, CHOWN_RESTRICTED,
                 HOMOGENEOUS, NO_TRUNC -> v.writeBool(true);
            case NAMED_ATTR, CASE_INSENSITIVE -> v.writeBool(false);
            case FSID -> v.writeLong(src.fsidMajor()).writeLong(src.fsidMinor());
            case LEASE_TIME -> v.writeInt(leaseSeconds);
            case RDATTR_ERROR -> v.writeInt(0);
            case ACL -> ModeAcl.write(v, ModeAcl.of(a.mode(), a.type() == io.dittofs.gateway.fs.model.FileType.DIRECTORY));
            case ACLSUPPORT -> v.writeInt(ModeAcl.SUPPORT);
            // no referrals or migration: an empty fs_root and no other locations (RFC 8881 §11.16)
            case FS_LOCATIONS -> v.writeInt(0).writeInt(0);
            case SUPPATTR_EXCLCREAT -> SetAttrDecoder.EXCLUSIVE_CREATE.write(v);
            case FS_CHARSET_CAP -> v.writeInt(FSCHARSET_CAP4_ALLOWS_ONLY_UTF8);
            case XATTR_SUPPORT -> v.writeBool(src.xattrs());
            case OPEN_ARGUMENTS -> OpenArguments.write(v);
            case FILEHANDLE -> v.writeOpaque(src.fh());
            case FILEID -> v.writeLong(a.fileid());
            case FILES_AVAIL -> v.writeLong(stat == null ? 0 : stat.availFiles());
            case FILES_FREE -> v.writeLong(stat == null ? 0 : stat.freeFiles());
            case FILES_TOTAL -> v.writeLong(stat == null ? 0 : stat.totalFiles());
            case MAXFILESIZE -> v.writeLong(Long.MAX_VALUE);
            case MAXLINK -> v.writeInt(32000);
            case MAXNAME -> v.writeInt(MAX_NAME);
            case MAXREAD, MAXWRITE -> v.writeLong(MAX_IO);
            case MODE -> v.writeInt(a.mode() & 07777);
            case NUMLINKS -> v.writeInt(a.nlink());
            case OWNER -> v.writeString(owners.owner(a.uid()));
            case OWNER_GROUP -> v.writeString(owners.group(a.gid()));
            case RAWDEV -> v.writeInt(a.rdevMajor()).writeInt(a.rdevMinor());
            case SPACE_AVAIL -> v.writeLong(stat == null ? 0 : stat.availBytes());
            case SPACE_FREE -> v.writeLong(stat == null ? 0 : stat.freeBytes());
            case SPACE_TOTAL -> v.writeLong(stat == null ? 0 : stat.totalBytes());
            case SPACE_USED -> v.writeLong(a.spaceUsed());
            case TIME_ACCESS -> time(v, a.atime());
            case TIME_DELTA -> time(v, new Time(0, 1));
            case TIME_METADATA -> time(v, a.ctime());
            case TIME_MODIFY -> time(v, a.mtime());
            case MOUNTED_ON_FILEID -> v.writeLong(src.mountedOnFileid());
            default -> throw new IllegalStateException("attribute " + bit + " is in SUPPORTED but has no encoder");
        }
    }

    private static void time(XdrWriter v, Time t) {
        Time x = t == null ? Time.ZERO : t;
        v.writeLong(x.seconds()).writeInt(x.nanos());
    }
}

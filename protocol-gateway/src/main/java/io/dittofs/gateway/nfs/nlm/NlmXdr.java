package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * NLM argument and result codecs (RFC 1813 Appendix II for version 4; the X/Open XNFS NLM for the
 * 32-bit versions 1 and 3). One set of records serves every version: offsets and lengths are read
 * as unsigned 32-bit values for versions 1 and 3 and as 64-bit values for version 4, so the
 * procedures never see the version's wire width.
 */
public final class NlmXdr {

    /** LM_MAXSTRLEN: caller and host names. */
    public static final int MAX_NAME = 1024;
    /** MAXNETOBJ_SZ: cookies, owner handles and (NLMv4) file handles. */
    public static final int MAX_NETOBJ = 1024;
    /** NLM v1/v3 carry NFSv2-era handles; v4 carries NFSv3 handles (at most 64 bytes in practice). */
    public static final int MAX_FH = 1024;

    private NlmXdr() {
    }

    /** nlm4_lock / nlm_lock. {@code length == 0} means "to the end of the file". */
    public record Lock(String callerName, byte[] fh, byte[] owner, int svid, long offset, long length) {
    }

    /** nlm4_holder / nlm_holder: the conflicting lock reported by TEST. */
    public record Holder(boolean exclusive, int svid, byte[] owner, long offset, long length) {
    }

    public record TestArgs(byte[] cookie, boolean exclusive, Lock lock) {
    }

    public record LockArgs(byte[] cookie, boolean block, boolean exclusive, Lock lock, boolean reclaim, int state) {
    }

    public record CancelArgs(byte[] cookie, boolean block, boolean exclusive, Lock lock) {
    }

    public record UnlockArgs(byte[] cookie, Lock lock) {
    }

    /** nlm4_share: DOS-style share reservation; mode = deny bits, access = access bits (each 0..3). */
    public record Share(String callerName, byte[] fh, byte[] owner, int mode, int access) {
    }

    public record ShareArgs(byte[] cookie, Share share, boolean reclaim) {
    }

    /** nlm4_notify: FREE_ALL's argument. */
    public record Notify(String name, int state) {
    }

    /** nlm4_res: the result of LOCK, CANCEL, UNLOCK, GRANTED and of the *_RES callbacks. */
    public record Res(byte[] cookie, int stat) {
    }

    /** nlm4_testres: stat, plus the holder when stat is DENIED. */
    public record TestRes(byte[] cookie, int stat, Holder holder) {
    }

    static boolean wide(int version) {
        return version >= 4;
    }

    static long readOffset(XdrReader in, int version) throws XdrException {
        return wide(version) ? in.readLong() : in.readUnsignedInt();
    }

    static void writeOffset(XdrWriter out, int version, long v) {
        if (wide(version)) {
            out.writeLong(v);
        } else {
            // a 32-bit client cannot see past 4 GiB; clamp rather than wrap (XNFS: the value is unsigned)
            out.writeInt((int) Math.min(v, 0xffffffffL));
        }
    }

    public static Lock lock(XdrReader in, int version) throws XdrException {
        String caller = in.readString(MAX_NAME);
        byte[] fh = in.readOpaque(MAX_FH);
        byte[] oh = in.readOpaque(MAX_NETOBJ);
        int svid = in.readInt();
        long offset = readOffset(in, version);
        long length = readOffset(in, version);
        return new Lock(caller, fh, oh, svid, offset, length);
    }

    public static void writeLock(XdrWriter out, int version, Lock l) {
        out.writeString(l.callerName()).writeOpaque(l.fh()).writeOpaque(l.owner()).writeInt(l.svid());
        writeOffset(out, version, l.offset());
        writeOffset(out, version, l.length());
    }

    public static byte[] cookie(XdrReader in) throws XdrException {
        return in.readOpaque(MAX_NETOBJ);
    }

    public static TestArgs testArgs(XdrReader in, int version) throws XdrException {
        return new TestArgs(cookie(in), in.readBool(), lock(in, version));
    }

    public static void writeTestArgs(XdrWriter out, int version, TestArgs a) {
        out.writeOpaque(a.cookie()).writeBool(a.exclusive());
        writeLock(out, version, a.lock());
    }

    public static LockArgs lockArgs(XdrReader in, int version) throws XdrException {
        byte[] cookie = cookie(in);
        boolean block = in.readBool();
        boolean exclusive = in.readBool();
        Lock lock = lock(in, version);
        return new LockArgs(cookie, block, exclusive, lock, in.readBool(), in.readInt());
    }

    public static CancelArgs cancelArgs(XdrReader in, int version) throws XdrException {
        byte[] cookie = cookie(in);
        boolean block = in.readBool();
        boolean exclusive = in.readBool();
        return new CancelArgs(cookie, block, exclusive, lock(in, version));
    }

    public static UnlockArgs unlockArgs(XdrReader in, int version) throws XdrException {
        return new UnlockArgs(cookie(in), lock(in, version));
    }

    public static ShareArgs shareArgs(XdrReader in) throws XdrException {
        byte[] cookie = cookie(in);
        String caller = in.readString(MAX_NAME);
        byte[] fh = in.readOpaque(MAX_FH);
        byte[] oh = in.readOpaque(MAX_NETOBJ);
        int mode = in.readEnum(3);
        int access = in.readEnum(3);
        return new ShareArgs(cookie, new Share(caller, fh, oh, mode, access), in.readBool());
    }

    public static Notify notify(XdrReader in) throws XdrException {
        return new Notify(in.readString(MAX_NAME + 1), in.readInt());
    }

    public static Res res(XdrReader in) throws XdrException {
        return new Res(cookie(in), in.readInt());
    }

    public static void writeRes(XdrWriter out, Res r) {
        out.writeOpaque(r.cookie()).writeInt(r.stat());
    }

    public static TestRes testRes(XdrReader in, int version) throws XdrException {
        byte[] cookie = cookie(in);
        int stat = in.readInt();
        if (stat != NlmStatus.DENIED) {
            return new TestRes(cookie, stat, null);
        }
        boolean exclusive = in.readBool();
        int svid = in.readInt();
        byte[] oh = in.readOpaque(MAX_NETOBJ);
        long offset = readOffset(in, version);
        long length = readOffset(in, version);
        return new TestRes(cookie, stat, new Holder(exclusive, svid, oh, offset, length));
    }

    public static void writeTestRes(XdrWriter out, int version, TestRes r) {
        out.writeOpaque(r.cookie()).writeInt(r.stat());
        if (r.stat() == NlmStatus.DENIED) {
            Holder h = r.holder();
            out.writeBool(h.exclusive()).writeInt(h.svid()).writeOpaque(h.owner());
            writeOffset(out, version, h.offset());
            writeOffset(out, version, h.length());
        }
    }

    /** nlm4_shareres: cookie, stat, sequence (unused by clients; always 0). */
    public static void writeShareRes(XdrWriter out, byte[] cookie, int stat) {
        out.writeOpaque(cookie).writeInt(stat).writeInt(0);
    }
}

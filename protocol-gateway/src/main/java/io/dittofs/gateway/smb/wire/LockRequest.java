package io.dittofs.gateway.smb.wire;

import java.util.ArrayList;
import java.util.List;

/** SMB2 LOCK request (MS-SMB2 2.2.26); the response is the 4-byte {@link #encodeResponse}. */
public record LockRequest(int lockSequence, FileId fileId, List<Element> locks) {

    public static final int SHARED = 0x1;
    public static final int EXCLUSIVE = 0x2;
    public static final int UNLOCK = 0x4;
    public static final int FAIL_IMMEDIATELY = 0x10;
    /** More elements than any client sends in one request (Windows caps it lower). */
    public static final int MAX_LOCKS = 1024;

    /** One SMB2_LOCK_ELEMENT: offset and length are unsigned 64-bit. */
    public record Element(long offset, long length, int flags) {
    }

    public LockRequest {
        locks = List.copyOf(locks);
    }

    public static LockRequest decode(SmbReader r) throws WireException {
        if (r.u16() != 48) {
            throw new WireException("LOCK StructureSize is not 48");
        }
        int count = r.u16();
        int seq = r.i32();
        FileId id = FileId.decode(r);
        if (count > MAX_LOCKS || count * 24L > r.remaining()) {
            throw new WireException("LOCK with " + count + " elements in " + r.remaining() + " bytes");
        }
        List<Element> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long off = r.i64();
            long len = r.i64();
            int flags = r.i32();
            r.skip(4);
            out.add(new Element(off, len, flags));
        }
        return new LockRequest(seq, id, out);
    }

    public void encode(SmbWriter w) {
        w.u16(48).u16(locks.size()).i32(lockSequence);
        fileId.encode(w);
        for (Element e : locks) {
            w.i64(e.offset).i64(e.length).i32(e.flags).i32(0);
        }
    }

    public static void encodeResponse(SmbWriter w) {
        w.u16(4).u16(0);
    }
}

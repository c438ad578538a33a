package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.Handle;
import java.util.HashMap;
import java.util.Map;

/**
 * Server-wide state of the files SMB has open, across connections (MS-SMB2 3.3.1.10's per-file
 * part): how many opens there are and whether a delete is pending. The last close of a
 * delete-pending file removes it. Guarded by this object's monitor.
 */
public final class SharedFiles {

    /** One file's shared state; fields guarded by the owning {@link SharedFiles}. */
    public static final class Entry {
        private final Handle handle;
        private int opens;
        private boolean deletePending;
        /** Zero-length locks of every open of the file: owner (hex) and offset. */
        private final java.util.List<Object[]> zeroLocks = new java.util.ArrayList<>();

        private Entry(Handle handle) {
            this.handle = handle;
        }

        public Handle handle() {
            return handle;
        }
    }

    private final Map<Handle, Entry> files = new HashMap<>();

    /** Counts a new open of {@code h}; null when a delete is pending (the open must fail DELETE_PENDING). */
    public synchronized Entry open(Handle h) {
        Entry e = files.computeIfAbsent(h, Entry::new);
        if (e.deletePending) {
            return null;
        }
        e.opens++;
        return e;
    }

    public synchronized boolean deletePending(Handle h) {
        Entry e = files.get(h);
        return e != null && e.deletePending;
    }

    public synchronized boolean deletePending(Entry e) {
        return e.deletePending;
    }

    public synchronized void deletePending(Entry e, boolean pending) {
        e.deletePending = pending;
    }

    /** Counts a close; true when it was the last open and a delete is pending (the caller removes the file). */
    public synchronized boolean close(Entry e) {
        e.opens--;
        if (e.opens > 0) {
            return false;
        }
        files.remove(e.handle);
        return e.deletePending;
    }

    /** Records a zero-length lock of {@code owner} at {@code offset}. */
    public synchronized void addZeroLock(Entry e, byte[] owner, long offset) {
        e.zeroLocks.add(new Object[] {java.util.HexFormat.of().formatHex(owner), offset});
    }

    public synchronized boolean removeZeroLock(Entry e, byte[] owner, long offset) {
        String o = java.util.HexFormat.of().formatHex(owner);
        for (int i = e.zeroLocks.size() - 1; i >= 0; i--) {
            Object[] z = e.zeroLocks.get(i);
            if (z[0].equals(o) && (long) z[1] == offset) {
                e.zeroLocks.remove(i);
                return true;
            }
        }
        return false;
    }

    public synchronized void dropZeroLocks(Entry e, byte[] owner) {
        String o = java.util.HexFormat.of().formatHex(owner);
        e.zeroLocks.removeIf(z -> z[0].equals(o));
    }

    /** Is there a zero-length lock strictly inside [offset, offset + length)? (MS-FSA: such a lock conflicts.) */
    public synchronized boolean zeroLockInside(Entry e, long offset, long length) {
        for (Object[] z : e.zeroLocks) {
            long x = (long) z[1];
            if (Long.compareUnsigned(x, offset) > 0 && Long.compareUnsigned(x - offset, length) < 0) {
                return true;
            }
        }
        return false;
    }

    public synchronized int openCount(Handle h) {
        Entry e = files.get(h);
        return e == null ? 0 : e.opens;
    }
}

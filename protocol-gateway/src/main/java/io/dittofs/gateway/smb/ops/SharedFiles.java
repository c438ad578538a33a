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
        /** Opens of the file's named streams, and those of them that do not share delete. */
        private int streamOpens;
        private int streamOpensDenyingDelete;
        /** Zero-length locks of every open of the file, in the order taken. */
        private final java.util.List<ZeroLock> zeroLocks = new java.util.ArrayList<>();
        /**
         * The AllocationSize a CREATE asked for (MS-SMB2 2.2.13.2.6), kept while the file is open:
         * nothing is reserved ahead (files are sparse), so it lives as long as the opens.
         */
        private volatile long allocation;

        private Entry(Handle handle) {
            this.handle = handle;
        }

        public long allocation() {
            return allocation;
        }

        public void allocation(long bytes) {
            allocation = bytes;
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

    /**
     * Counts a new open of a named stream of {@code h} (it keeps the file as an open of it would:
     * a delete-pending file goes at the last close of the file or any of its streams).
     */
    public synchronized Entry openStream(Handle h, boolean sharesDelete) {
        Entry e = open(h);
        if (e != null) {
            e.streamOpens++;
            if (!sharesDelete) {
                e.streamOpensDenyingDelete++;
            }
        }
        return e;
    }

    /** A stream open goes (before its {@link #close}). */
    public synchronized void streamClosed(Entry e, boolean sharesDelete) {
        e.streamOpens--;
        if (!sharesDelete) {
            e.streamOpensDenyingDelete--;
        }
    }

    /** An open stream that does not share delete: the file cannot be opened for DELETE (Windows). */
    public synchronized boolean streamDeniesDelete(Entry e) {
        return e.streamOpensDenyingDelete > 0;
    }

    /** Whether any named stream of the file is open (the file cannot be renamed then). */
    public synchronized boolean streamsOpen(Handle h) {
        Entry e = files.get(h);
        return e != null && e.streamOpens > 0;
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

    /** A zero-length lock: its open's lock owner (hex), offset and mode. */
    private record ZeroLock(String owner, long offset, boolean exclusive) {
    }

    /** Records a zero-length lock of {@code owner} at {@code offset}. */
    public synchronized void addZeroLock(Entry e, byte[] owner, long offset, boolean exclusive) {
        e.zeroLocks.add(new ZeroLock(java.util.HexFormat.of().formatHex(owner), offset, exclusive));
    }

    /**
     * Removes one zero-length lock of {@code owner} at {@code offset}: of stacked ones the exclusive
     * goes first (MS-FSA 2.1.5.8: an unlock releases exclusive locks before shared ones), else the latest.
     */
    public synchronized boolean removeZeroLock(Entry e, byte[] owner, long offset) {
        String o = java.util.HexFormat.of().formatHex(owner);
        int found = -1;
        for (int i = e.zeroLocks.size() - 1; i >= 0; i--) {
            ZeroLock z = e.zeroLocks.get(i);
            if (z.owner().equals(o) && z.offset() == offset && (found < 0 || z.exclusive())) {
                found = i;
                if (z.exclusive()) {
                    break;
                }
            }
        }
        if (found < 0) {
            return false;
        }
        e.zeroLocks.remove(found);
        return true;
    }

    public synchronized void dropZeroLocks(Entry e, byte[] owner) {
        String o = java.util.HexFormat.of().formatHex(owner);
        e.zeroLocks.removeIf(z -> z.owner().equals(o));
    }

    /**
     * Would a lock of [offset, offset + length) conflict with a zero-length lock strictly inside it?
     * (MS-FSA: such a lock conflicts.) An exclusive request conflicts with any of them, a shared
     * one only with an exclusive one.
     */
    public synchronized boolean zeroLockInside(Entry e, long offset, long length, boolean exclusive) {
        for (ZeroLock z : e.zeroLocks) {
            long x = z.offset();
            if ((exclusive || z.exclusive())
                    && Long.compareUnsigned(x, offset) > 0 && Long.compareUnsigned(x - offset, length) < 0) {
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

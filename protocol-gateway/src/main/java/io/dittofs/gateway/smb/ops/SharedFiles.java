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

    public synchronized int openCount(Handle h) {
        Entry e = files.get(h);
        return e == null ? 0 : e.opens;
    }
}

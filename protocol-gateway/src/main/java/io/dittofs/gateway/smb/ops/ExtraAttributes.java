package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.smb.wire.FileBasics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What SMB clients set that the namespace does not keep: creation time (no birth time), change
 * time (the namespace sets ctime itself) and the DOS attributes HIDDEN, SYSTEM, ARCHIVE, TEMPORARY, OFFLINE
 * (READONLY is the write bits; DIRECTORY the type). Kept by this gateway in memory per file
 * (fsid, fileid), at most {@link #MAX} files, lost on restart. A change time holds only while the
 * file's ctime is the one it was set against (a later change through any protocol shows the real
 * ctime again). Files nobody set attributes on are ARCHIVE, as Windows creates them.
 */
public final class ExtraAttributes {

    static final int MAX = 65536;
    /** The DOS attributes kept here. */
    static final int KEPT = FileBasics.ATTR_HIDDEN | FileBasics.ATTR_SYSTEM | FileBasics.ATTR_ARCHIVE
            | FileBasics.ATTR_TEMPORARY | FileBasics.ATTR_OFFLINE;
    private static final int UNSET = -1;

    private record Key(long fsid, long fileid) {
    }

    private record Extra(long creation, long change, long ctimeBase, int attributes, boolean sparse) {
    }

    private final Map<Key, Extra> extras = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Extra> eldest) {
            return size() > MAX;
        }
    };

    /** Records times a client set (0 = not set) against the attributes after its SET_INFO. */
    public synchronized void setTimes(FileAttr after, long creation, long change) {
        Key k = new Key(after.fsid(), after.fileid());
        Extra old = extras.get(k);
        long c = creation != 0 ? creation : old == null ? 0 : old.creation();
        long base = Attrs.fileTime(after.ctime());
        long ch = change != 0 ? change : old != null && old.ctimeBase() == base ? old.change() : 0;
        extras.put(k, new Extra(c, ch, base, old == null ? UNSET : old.attributes(), old != null && old.sparse()));
    }

    /** Records the DOS attributes a client set (CREATE or SET_INFO); NORMAL alone clears them. */
    public synchronized void setAttributes(FileAttr a, int attributes) {
        Key k = new Key(a.fsid(), a.fileid());
        Extra old = extras.get(k);
        int kept = attributes & KEPT;
        extras.put(k, old == null ? new Extra(0, 0, 0, kept, false)
                : new Extra(old.creation(), old.change(), old.ctimeBase(), kept, old.sparse()));
    }

    /**
     * Records FSCTL_SET_SPARSE (MS-FSCC 2.3.64). Only the flag is kept: the block service stores
     * unwritten ranges as holes whether or not a client asked, so the flag changes no storage.
     */
    public synchronized void setSparse(FileAttr a, boolean sparse) {
        Key k = new Key(a.fsid(), a.fileid());
        Extra old = extras.get(k);
        extras.put(k, old == null ? new Extra(0, 0, 0, UNSET, sparse)
                : new Extra(old.creation(), old.change(), old.ctimeBase(), old.attributes(), sparse));
    }

    /** The attributes as SMB shows them, with what a client set where it still holds. */
    public FileBasics basics(FileAttr a) {
        FileBasics b = Attrs.basics(a);
        Extra t;
        synchronized (this) {
            t = extras.get(new Key(a.fsid(), a.fileid()));
        }
        int dos = b.attributes();
        boolean dir = a.type() == FileType.DIRECTORY;
        int kept = t == null || t.attributes() == UNSET ? (dir ? 0 : FileBasics.ATTR_ARCHIVE) : t.attributes();
        if (dir) {
            dos = FileBasics.ATTR_DIRECTORY | (kept & (FileBasics.ATTR_HIDDEN | FileBasics.ATTR_SYSTEM));
        } else {
            int ro = dos & FileBasics.ATTR_READONLY;
            int sparse = t != null && t.sparse() ? FileBasics.ATTR_SPARSE_FILE : 0;
            dos = (kept | ro | sparse) == 0 ? FileBasics.ATTR_NORMAL : kept | ro | sparse;
        }
        long creation = t != null && t.creation() != 0 ? t.creation() : b.creationTime();
        long change = t != null && t.change() != 0 && t.ctimeBase() == Attrs.fileTime(a.ctime()) ? t.change()
                : b.changeTime();
        return new FileBasics(creation, b.lastAccessTime(), b.lastWriteTime(), change, b.allocationSize(),
                b.endOfFile(), dos, b.fileId(), b.links());
    }
}

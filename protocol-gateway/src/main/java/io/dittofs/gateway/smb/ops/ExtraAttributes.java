package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.smb.wire.FileBasics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMB's view of what a client sets beyond mode and times. The DOS attributes HIDDEN, SYSTEM,
 * ARCHIVE, TEMPORARY, OFFLINE and SPARSE_FILE live in the namespace (its {@code dos_attributes},
 * kept by every metadata store; READONLY is the write bits, DIRECTORY the type), as does the
 * creation time (its birth time): both survive restarts and are the same through any gateway.
 * {@link #SET} marks a stored value a client chose, so a file nobody set attributes on is ARCHIVE,
 * as Windows creates them. Only the change time is kept here, in memory per file (fsid, fileid), at
 * most {@link #MAX} files: the namespace sets ctime itself, so a set change time holds while the
 * file's ctime is the one it was set against (a later change through any protocol shows the real
 * ctime again).
 */
public final class ExtraAttributes {

    static final int MAX = 65536;
    /** The DOS attributes the namespace keeps for SMB. */
    static final int KEPT = FileBasics.ATTR_HIDDEN | FileBasics.ATTR_SYSTEM | FileBasics.ATTR_ARCHIVE
            | FileBasics.ATTR_TEMPORARY | FileBasics.ATTR_OFFLINE | FileBasics.ATTR_SPARSE_FILE;
    /** Marks a stored value as set by a client (no FILE_ATTRIBUTE_* uses this bit, MS-FSCC 2.6). */
    static final int SET = 0x8000_0000;

    private record Key(long fsid, long fileid) {
    }

    private record Change(long change, long ctimeBase) {
    }

    private final Map<Key, Change> changes = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Change> eldest) {
            return size() > MAX;
        }
    };

    /** Records a change time a client set against the attributes after its SET_INFO. */
    public synchronized void setChange(FileAttr after, long change) {
        changes.put(new Key(after.fsid(), after.fileid()), new Change(change, Attrs.fileTime(after.ctime())));
    }

    /**
     * The value to store for the DOS attributes a client sets (CREATE or SET_INFO); sparseness stays.
     * READONLY is stored too but shown only for files with an explicit ACL, whose mode bits follow
     * the ACL; other files show the write bits as READONLY.
     */
    static int stored(FileAttr current, int attributes) {
        int sparse = current == null ? 0 : kept(current) & FileBasics.ATTR_SPARSE_FILE;
        return SET | (attributes & (KEPT | FileBasics.ATTR_READONLY) & ~FileBasics.ATTR_SPARSE_FILE) | sparse;
    }

    /** FILE_ATTRIBUTE_READONLY: the stored bit with an explicit ACL, no write bits otherwise. */
    static boolean readOnly(FileAttr a) {
        if (a.hasAcl()) {
            return (a.dosAttributes() & SET) != 0 && (a.dosAttributes() & FileBasics.ATTR_READONLY) != 0;
        }
        return (a.mode() & 0222) == 0;
    }

    /** The value to store when FSCTL_SET_SPARSE turns sparseness on or off; the rest stays. */
    static int storedSparse(FileAttr current, boolean sparse) {
        int rest = kept(current) & ~FileBasics.ATTR_SPARSE_FILE;
        if ((current.dosAttributes() & SET) != 0) {
            rest |= current.dosAttributes() & FileBasics.ATTR_READONLY;
        }
        return SET | rest | (sparse ? FileBasics.ATTR_SPARSE_FILE : 0);
    }

    /** The kept DOS attributes of a file: what a client set, or ARCHIVE for a file nobody set any on. */
    static int kept(FileAttr a) {
        if ((a.dosAttributes() & SET) != 0) {
            return a.dosAttributes() & KEPT;
        }
        return a.type() == FileType.DIRECTORY ? 0 : FileBasics.ATTR_ARCHIVE;
    }

    /** The attributes as SMB shows them. */
    public FileBasics basics(FileAttr a) {
        FileBasics b = Attrs.basics(a);
        Change t;
        synchronized (this) {
            t = changes.get(new Key(a.fsid(), a.fileid()));
        }
        int dos = b.attributes();
        int kept = kept(a);
        if (a.type() == FileType.DIRECTORY) {
            dos = FileBasics.ATTR_DIRECTORY | (kept & (FileBasics.ATTR_HIDDEN | FileBasics.ATTR_SYSTEM));
        } else {
            int ro = readOnly(a) ? FileBasics.ATTR_READONLY : 0;
            dos = (kept | ro) == 0 ? FileBasics.ATTR_NORMAL : kept | ro;
        }
        long change = t != null && t.ctimeBase() == Attrs.fileTime(a.ctime()) ? t.change() : b.changeTime();
        return new FileBasics(b.creationTime(), b.lastAccessTime(), b.lastWriteTime(), change, b.allocationSize(),
                b.endOfFile(), dos, b.fileId(), b.links());
    }
}

package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.smb.wire.FileBasics;

/** Neutral attributes as SMB shows them: FILETIMEs, DOS attributes from the type and mode, allocation. */
public final class Attrs {

    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    static final int CLUSTER = 4096;

    private Attrs() {
    }

    public static long fileTime(Time t) {
        return t == null ? 0 : (t.seconds() + EPOCH_DIFF_SECONDS) * 10_000_000L + t.nanos() / 100;
    }

    /** A FILETIME as a neutral time; FILETIMEs before 1970 clamp to the epoch. */
    public static Time time(long fileTime) {
        long secs = Math.floorDiv(fileTime, 10_000_000L) - EPOCH_DIFF_SECONDS;
        if (secs < 0) {
            return Time.ZERO;
        }
        return new Time(secs, (int) Math.floorMod(fileTime, 10_000_000L) * 100);
    }

    public static int dosAttributes(FileAttr a) {
        if (a.type() == FileType.DIRECTORY) {
            return FileBasics.ATTR_DIRECTORY;
        }
        // the namespace keeps no archive bit: a file is NORMAL, or READONLY without write bits
        return (a.mode() & 0222) == 0 ? FileBasics.ATTR_READONLY : FileBasics.ATTR_NORMAL;
    }

    public static long allocation(FileAttr a) {
        if (a.type() == FileType.DIRECTORY) {
            return 0;
        }
        long rounded = (a.size() + CLUSTER - 1) / CLUSTER * CLUSTER;
        return Math.max(rounded, 0);
    }

    /**
     * The creation time: the namespace's birth time; where a store has none, the earliest of the
     * times it keeps stands in (stable while the file is not touched with an older time).
     */
    static long creation(FileAttr a) {
        if (a.btime() != null && !a.btime().equals(io.dittofs.gateway.fs.model.Time.ZERO)) {
            return fileTime(a.btime());
        }
        long m = fileTime(a.mtime());
        long c = fileTime(a.ctime());
        return Math.min(m, c);
    }

    public static FileBasics basics(FileAttr a) {
        return new FileBasics(creation(a), fileTime(a.atime()), fileTime(a.mtime()), fileTime(a.ctime()),
                allocation(a), a.type() == FileType.DIRECTORY ? 0 : a.size(), dosAttributes(a), a.fileid(), a.nlink());
    }
}

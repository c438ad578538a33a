package io.dittofs.gateway.smb;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.smb.wire.NtStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one table from the gateway's neutral outcomes to NTSTATUS: file-system outcomes
 * ({@link FsStatus}) and lock-service outcomes ({@link LockStatus}). Every value is mapped, so a new
 * neutral value fails {@code SmbStatusTest} instead of reaching a client as an unknown error.
 */
public final class SmbStatus {

    private static final Map<FsStatus, Integer> FS = new EnumMap<>(FsStatus.class);
    private static final Map<LockStatus, Integer> LOCKS = new EnumMap<>(LockStatus.class);

    static {
        FS.put(FsStatus.OK, NtStatus.SUCCESS);
        FS.put(FsStatus.NOENT, NtStatus.OBJECT_NAME_NOT_FOUND);
        FS.put(FsStatus.EXIST, NtStatus.OBJECT_NAME_COLLISION);
        FS.put(FsStatus.NOTDIR, NtStatus.NOT_A_DIRECTORY);
        FS.put(FsStatus.ISDIR, NtStatus.FILE_IS_A_DIRECTORY);
        FS.put(FsStatus.NOTEMPTY, NtStatus.DIRECTORY_NOT_EMPTY);
        FS.put(FsStatus.NAMETOOLONG, NtStatus.NAME_TOO_LONG);
        FS.put(FsStatus.INVALID_NAME, NtStatus.OBJECT_NAME_INVALID);
        FS.put(FsStatus.XDEV, NtStatus.NOT_SAME_DEVICE);
        FS.put(FsStatus.MLINK, NtStatus.TOO_MANY_LINKS);
        FS.put(FsStatus.LOOP, NtStatus.STOPPED_ON_SYMLINK);
        FS.put(FsStatus.INVAL, NtStatus.INVALID_PARAMETER);
        FS.put(FsStatus.BADTYPE, NtStatus.OBJECT_TYPE_MISMATCH);
        // a handle whose object is gone: the open is no longer usable
        FS.put(FsStatus.STALE, NtStatus.FILE_CLOSED);
        FS.put(FsStatus.BADHANDLE, NtStatus.INVALID_HANDLE);
        FS.put(FsStatus.ACCESS, NtStatus.ACCESS_DENIED);
        FS.put(FsStatus.PERM, NtStatus.ACCESS_DENIED);
        FS.put(FsStatus.ROFS, NtStatus.MEDIA_WRITE_PROTECTED);
        FS.put(FsStatus.NOSPC, NtStatus.DISK_FULL);
        FS.put(FsStatus.DQUOT, NtStatus.QUOTA_EXCEEDED);
        FS.put(FsStatus.FBIG, NtStatus.FILE_TOO_LARGE);
        FS.put(FsStatus.IO, NtStatus.UNEXPECTED_IO_ERROR);
        // directory resumption is by name in SMB; a lost cookie ends the listing
        FS.put(FsStatus.BAD_COOKIE, NtStatus.NO_MORE_FILES);
        FS.put(FsStatus.TOOSMALL, NtStatus.INFO_LENGTH_MISMATCH);
        FS.put(FsStatus.NOT_SYNC, NtStatus.INVALID_PARAMETER);
        FS.put(FsStatus.NOXATTR, NtStatus.OBJECT_NAME_NOT_FOUND);
        FS.put(FsStatus.XATTR_EXISTS, NtStatus.OBJECT_NAME_COLLISION);
        FS.put(FsStatus.NOTSUPP, NtStatus.NOT_SUPPORTED);
        FS.put(FsStatus.LOCK_CONFLICT, NtStatus.SHARING_VIOLATION);
        FS.put(FsStatus.BAD_STATE, NtStatus.FILE_CLOSED);
        FS.put(FsStatus.DELAY, NtStatus.INSUFFICIENT_RESOURCES);
        FS.put(FsStatus.SERVERFAULT, NtStatus.INTERNAL_ERROR);

        LOCKS.put(LockStatus.OK, NtStatus.SUCCESS);
        // Windows answers a failed LOCK with LOCK_NOT_GRANTED, I/O into a locked range with FILE_LOCK_CONFLICT
        LOCKS.put(LockStatus.DENIED, NtStatus.LOCK_NOT_GRANTED);
        LOCKS.put(LockStatus.LOCKED, NtStatus.FILE_LOCK_CONFLICT);
        LOCKS.put(LockStatus.DEADLOCK, NtStatus.LOCK_NOT_GRANTED);
        LOCKS.put(LockStatus.SHARE_DENIED, NtStatus.SHARING_VIOLATION);
        // SMB has no grace period or reclaim: a durable-handle reconnect that the service refuses is a lost open
        LOCKS.put(LockStatus.GRACE, NtStatus.INSUFFICIENT_RESOURCES);
        LOCKS.put(LockStatus.NO_GRACE, NtStatus.FILE_CLOSED);
        LOCKS.put(LockStatus.RECLAIM_BAD, NtStatus.FILE_CLOSED);
        LOCKS.put(LockStatus.EXPIRED, NtStatus.FILE_CLOSED);
        LOCKS.put(LockStatus.BAD_STATE, NtStatus.FILE_CLOSED);
        LOCKS.put(LockStatus.NOT_LOCKED, NtStatus.RANGE_NOT_LOCKED);
        LOCKS.put(LockStatus.BREAK_PENDING, NtStatus.SHARING_VIOLATION);
        LOCKS.put(LockStatus.INVAL, NtStatus.INVALID_PARAMETER);
        LOCKS.put(LockStatus.DELAY, NtStatus.INSUFFICIENT_RESOURCES);
        LOCKS.put(LockStatus.SERVERFAULT, NtStatus.INTERNAL_ERROR);
    }

    private SmbStatus() {
    }

    public static int of(FsStatus s) {
        return FS.get(s);
    }

    /** A lock-service outcome. */
    public static int ofLock(LockStatus s) {
        return LOCKS.get(s);
    }

    static boolean mapsEveryStatus() {
        return FS.keySet().containsAll(java.util.EnumSet.allOf(FsStatus.class))
                && LOCKS.keySet().containsAll(java.util.EnumSet.allOf(LockStatus.class));
    }
}

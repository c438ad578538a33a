package io.dittofs.gateway.fs.model;

/**
 * Attributes of one object.
 *
 * @param mode    permission bits including setuid, setgid and sticky (07777)
 * @param fsid    per share
 * @param fileid  unique within the share
 * @param change  increases on every data or metadata change
 * @param content the content object of a regular file; null for other types or before the first write
 * @param btime   birth time (SMB CreationTime, NFSv4 time_create); {@link Time#ZERO} when unknown
 * @param dosAttributes SMB FILE_ATTRIBUTE_* bits the namespace keeps beside the mode (hidden, system,
 *                archive...); 0 when none was ever set
 * @param hasAcl  the object has an explicit ACL (otherwise the mode bits are its ACL)
 * @param acl     that ACL, when it was asked for ({@link io.dittofs.gateway.fs.FileSystem#getAttrWithAcl}); else null
 */
public record FileAttr(FileType type, int mode, int nlink, int uid, int gid, long size, long spaceUsed,
                       int rdevMajor, int rdevMinor, long fsid, long fileid, Time atime, Time mtime, Time ctime,
                       long change, ContentId content, Time btime, int dosAttributes, boolean hasAcl,
                       Acl acl) {

    /** Attributes without an explicit ACL. */
    public FileAttr(FileType type, int mode, int nlink, int uid, int gid, long size, long spaceUsed,
                    int rdevMajor, int rdevMinor, long fsid, long fileid, Time atime, Time mtime, Time ctime,
                    long change, ContentId content, Time btime, int dosAttributes) {
        this(type, mode, nlink, uid, gid, size, spaceUsed, rdevMajor, rdevMinor, fsid, fileid, atime, mtime, ctime,
                change, content, btime, dosAttributes, false, null);
    }

    /** Attributes without a birth time or DOS attributes (pseudo objects, tests). */
    public FileAttr(FileType type, int mode, int nlink, int uid, int gid, long size, long spaceUsed,
                    int rdevMajor, int rdevMinor, long fsid, long fileid, Time atime, Time mtime, Time ctime,
                    long change, ContentId content) {
        this(type, mode, nlink, uid, gid, size, spaceUsed, rdevMajor, rdevMinor, fsid, fileid, atime, mtime, ctime,
                change, content, Time.ZERO, 0);
    }
}

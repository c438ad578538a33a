package io.dittofs.gateway.fs.model;

/**
 * Attributes of one object.
 *
 * @param mode    permission bits including setuid, setgid and sticky (07777)
 * @param fsid    per share
 * @param fileid  unique within the share
 * @param change  increases on every data or metadata change
 * @param content the content object of a regular file; null for other types or before the first write
 */
public record FileAttr(FileType type, int mode, int nlink, int uid, int gid, long size, long spaceUsed,
                       int rdevMajor, int rdevMinor, long fsid, long fileid, Time atime, Time mtime, Time ctime,
                       long change, ContentId content) {
}

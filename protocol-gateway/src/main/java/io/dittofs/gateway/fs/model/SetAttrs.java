package io.dittofs.gateway.fs.model;

/**
 * Attributes to change; a null component stays as it is.
 *
 * @param mode  permission bits (07777)
 * @param size  new size; the content follows it
 * @param btime birth time (SMB CreationTime, NFSv4 time_create)
 * @param dosAttributes SMB FILE_ATTRIBUTE_* bits kept beside the mode (the owner may set them)
 * @param acl   replaces the explicit ACL (the mode's permission bits follow it)
 */
public record SetAttrs(Integer mode, Integer uid, Integer gid, Long size, SetTime atime, SetTime mtime,
                       SetTime btime, Integer dosAttributes, Acl acl) {

    public SetAttrs(Integer mode, Integer uid, Integer gid, Long size, SetTime atime, SetTime mtime,
                    SetTime btime, Integer dosAttributes) {
        this(mode, uid, gid, size, atime, mtime, btime, dosAttributes, null);
    }

    public static final SetAttrs NONE = new SetAttrs(null, null, null, null, null, null);

    public SetAttrs(Integer mode, Integer uid, Integer gid, Long size, SetTime atime, SetTime mtime) {
        this(mode, uid, gid, size, atime, mtime, null, null);
    }

    public boolean changesSize() {
        return size != null;
    }
}

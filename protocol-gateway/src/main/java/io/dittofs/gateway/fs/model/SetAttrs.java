package io.dittofs.gateway.fs.model;

/**
 * Attributes to change; a null component stays as it is.
 *
 * @param mode  permission bits (07777)
 * @param size  new size; the content follows it
 */
public record SetAttrs(Integer mode, Integer uid, Integer gid, Long size, SetTime atime, SetTime mtime) {

    public static final SetAttrs NONE = new SetAttrs(null, null, null, null, null, null);

    public boolean changesSize() {
        return size != null;
    }
}

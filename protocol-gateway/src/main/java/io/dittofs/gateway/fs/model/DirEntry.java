package io.dittofs.gateway.fs.model;

/**
 * One directory entry.
 *
 * @param cookie resume after this entry
 * @param handle with attributes only (null otherwise)
 * @param attr   with attributes only (null otherwise)
 */
public record DirEntry(String name, long fileid, long cookie, Handle handle, FileAttr attr) {
}

package io.dittofs.gateway.fs.model;

/** @param dirAttr post-op attributes of the directory, also on failure (null when unknown) */
public record LookupResult(FsStatus status, Handle handle, FileAttr attr, FileAttr dirAttr) {
}

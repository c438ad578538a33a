package io.dittofs.gateway.fs.model;

/** A share's root: its handle and the share id every handle of the share carries. */
public record RootResult(FsStatus status, Handle handle, FileAttr attr, long shareId) {
}

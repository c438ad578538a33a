package io.dittofs.gateway.fs.model;

/** @param granted the subset of the requested {@link AccessBits} the caller holds */
public record AccessResult(FsStatus status, int granted, FileAttr attr) {
}

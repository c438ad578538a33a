package io.dittofs.gateway.fs.model;

/** @param existed an UNCHECKED or EXCLUSIVE retry found the file already there */
public record CreateResult(FsStatus status, Handle handle, FileAttr attr, Wcc dirWcc, boolean existed) {
}

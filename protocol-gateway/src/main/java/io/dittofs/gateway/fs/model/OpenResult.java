package io.dittofs.gateway.fs.model;

/** @param file null unless OK; {@code attr} may be known on failure too */
public record OpenResult(FsStatus status, OpenFile file, FileAttr attr) {
}

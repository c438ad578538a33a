package io.dittofs.gateway.fs.model;

public record LinkResult(FsStatus status, FileAttr attr, Wcc dirWcc) {
}

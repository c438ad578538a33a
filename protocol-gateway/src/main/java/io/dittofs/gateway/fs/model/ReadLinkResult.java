package io.dittofs.gateway.fs.model;

public record ReadLinkResult(FsStatus status, String target, FileAttr attr) {
}

package io.dittofs.gateway.fs.model;

/** @param attr null on failure unless the service knew it */
public record AttrResult(FsStatus status, FileAttr attr) {
}

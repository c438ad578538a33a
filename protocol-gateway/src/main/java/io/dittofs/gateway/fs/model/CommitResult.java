package io.dittofs.gateway.fs.model;

public record CommitResult(FsStatus status, FileAttr attr, byte[] verifier) {
}

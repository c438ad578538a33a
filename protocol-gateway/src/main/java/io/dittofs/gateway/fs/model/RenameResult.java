package io.dittofs.gateway.fs.model;

public record RenameResult(FsStatus status, Wcc fromDirWcc, Wcc toDirWcc) {
}

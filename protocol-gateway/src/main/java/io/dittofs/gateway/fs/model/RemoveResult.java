package io.dittofs.gateway.fs.model;

public record RemoveResult(FsStatus status, Wcc dirWcc) {
}

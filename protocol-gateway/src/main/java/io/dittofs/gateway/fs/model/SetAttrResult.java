package io.dittofs.gateway.fs.model;

public record SetAttrResult(FsStatus status, Wcc wcc) {
}

package io.dittofs.gateway.fs.model;

/** An extended attribute's value (null unless the status is OK). */
public record XattrResult(FsStatus status, byte[] value) {
}

package io.dittofs.gateway.fs.model;

/** A byte range of a file: {@code length} bytes from {@code offset}. */
public record Extent(long offset, long length) {
}

package io.dittofs.gateway.fs.model;

/** The attributes a client's cache is checked against before a change (size, mtime, ctime). */
public record WccAttr(long size, Time mtime, Time ctime) {
}

package io.dittofs.gateway.access;

/** What the caller is about to do with a share. */
public enum Intent {
    /** Attach to the share (MOUNT, SMB TREE_CONNECT): any permission above NONE, read-only or not. */
    CONNECT,
    /** An operation that changes nothing. */
    READ,
    /** An operation that changes state: refused on a read-only share and for READ-level callers. */
    MODIFY
}

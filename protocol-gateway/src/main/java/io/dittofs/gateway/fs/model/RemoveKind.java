package io.dittofs.gateway.fs.model;

/** What a removal accepts. */
public enum RemoveKind {
    /** A file or an empty directory (NFSv4 REMOVE, SMB delete-on-close). */
    ANY,
    /** ISDIR for a directory (unlink). */
    NON_DIRECTORY,
    /** NOTDIR for anything else (rmdir). */
    DIRECTORY
}

package io.dittofs.gateway.share;

/** AUTH_SYS identity squashing of a share. */
public enum Squash {
    /** Trust the client's uid/gid. */
    NONE,
    /** uid 0 becomes the anonymous uid/gid (the NFS default). */
    ROOT,
    /** Every caller becomes the anonymous uid/gid. */
    ALL
}

package io.dittofs.gateway.fs.model;

/** How durable written data is before the reply. */
public enum Stability {
    /** May be lost on a crash until a COMMIT. */
    UNSTABLE,
    /** Data durable before the reply. */
    DATA_SYNC,
    /** Data and size durable before the reply. */
    FILE_SYNC
}

package io.dittofs.gateway.fs.model;

/** How CREATE of a regular file treats an existing name. */
public enum CreateMode {
    /** An existing regular file is opened (and its size set from the attributes). */
    UNCHECKED,
    /** EXIST when the name exists. */
    GUARDED,
    /** Idempotent by the client's verifier: a retry returns the same file. */
    EXCLUSIVE
}

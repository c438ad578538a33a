package io.dittofs.gateway.fs.model;

/** What an open grants; checked once when opening. */
public enum AccessMode {
    /** No data access: attributes and COMMIT only. */
    NONE,
    READ,
    WRITE,
    READ_WRITE;

    public boolean reads() {
        return this == READ || this == READ_WRITE;
    }

    public boolean writes() {
        return this == WRITE || this == READ_WRITE;
    }
}

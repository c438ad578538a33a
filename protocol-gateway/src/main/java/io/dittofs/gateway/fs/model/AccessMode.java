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

    /** The {@link AccessBits} the namespace checks when opening with this mode. */
    public int requiredBits() {
        return switch (this) {
            case NONE -> 0;
            case READ -> AccessBits.READ;
            case WRITE -> AccessBits.MODIFY;
            case READ_WRITE -> AccessBits.READ | AccessBits.MODIFY;
        };
    }
}

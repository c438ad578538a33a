package io.dittofs.gateway.locks;

import java.util.Arrays;
import java.util.HexFormat;

/** A lock-service client id (opaque); value semantics so it can key maps. */
public record ClientRef(byte[] id, boolean inGrace) {

    public ClientRef {
        id = id.clone();
    }

    @Override
    public byte[] id() {
        return id.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientRef c && Arrays.equals(id, c.id);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(id);
    }
}

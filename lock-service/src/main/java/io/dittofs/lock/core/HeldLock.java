package io.dittofs.lock.core;

import com.google.protobuf.ByteString;

/**
 * A granted byte-range lock. {@code fromBefore} marks state loaded from the store at start-up that
 * its owner has not reclaimed yet; it is dropped when the grace period ends.
 */
public record HeldLock(ByteString id, ByteString file, Owner owner, Protocol protocol, Range range,
                       boolean exclusive, ByteString openId, boolean fromBefore) {

    public HeldLock withRange(ByteString newId, Range r) {
        return new HeldLock(newId, file, owner, protocol, r, exclusive, openId, fromBefore);
    }

    public HeldLock reclaimed() {
        return new HeldLock(id, file, owner, protocol, range, exclusive, openId, false);
    }
}

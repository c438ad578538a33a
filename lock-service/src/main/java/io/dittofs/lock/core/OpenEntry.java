package io.dittofs.lock.core;

import com.google.protobuf.ByteString;

/** A share reservation: the access an open uses and the access it denies to others (ShareBits). */
public record OpenEntry(ByteString id, ByteString file, Owner owner, int access, int deny, ByteString grantId,
                        boolean fromBefore) {

    public OpenEntry with(int newAccess, int newDeny) {
        return new OpenEntry(id, file, owner, newAccess, newDeny, grantId, fromBefore);
    }

    public OpenEntry withGrant(ByteString g) {
        return new OpenEntry(id, file, owner, access, deny, g, fromBefore);
    }

    public OpenEntry reclaimed() {
        return new OpenEntry(id, file, owner, access, deny, grantId, false);
    }

    /** NFSv4 share_access / share_deny and SMB desired access / ShareAccess both reduce to this test. */
    public boolean conflictsWith(int otherAccess, int otherDeny) {
        return (otherAccess & deny) != 0 || (otherDeny & access) != 0;
    }
}

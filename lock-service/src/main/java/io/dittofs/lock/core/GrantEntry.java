package io.dittofs.lock.core;

import com.google.protobuf.ByteString;

/**
 * A caching grant (SMB oplock or lease, NFSv4 delegation) held by {@code holder}: the lease key
 * for SMB leases (every open with that key shares it), the open for SMB oplocks, the client for
 * NFSv4 delegations. While a break is outstanding {@code breakTo >= 0} holds the bits the holder
 * must drop to by {@code deadlineMs}, after which the grant is revoked to those bits.
 */
public record GrantEntry(ByteString id, ByteString file, ByteString client, Protocol protocol, ByteString holder,
                         ByteString leaseKey, int bits, boolean directory, int breakTo, long deadlineMs,
                         boolean fromBefore) {

    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int HANDLE = 4;
    public static final int ALL = READ | WRITE | HANDLE;

    public boolean breaking() {
        return breakTo >= 0;
    }

    public GrantEntry withBits(int newBits) {
        return new GrantEntry(id, file, client, protocol, holder, leaseKey, newBits, directory, -1, 0, fromBefore);
    }

    public GrantEntry breakingTo(int to, long deadline) {
        return new GrantEntry(id, file, client, protocol, holder, leaseKey, bits, directory, to, deadline, fromBefore);
    }

    public GrantEntry reclaimed() {
        return new GrantEntry(id, file, client, protocol, holder, leaseKey, bits, directory, breakTo, deadlineMs, false);
    }
}

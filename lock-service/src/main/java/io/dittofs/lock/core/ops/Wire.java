package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.Conflict;
import io.dittofs.contracts.lock.v1.FileKey;
import io.dittofs.contracts.lock.v1.LockType;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.ClientRelease;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.Protocol;
import io.dittofs.lock.core.Range;

/** Translation between the contract's messages and the core's values, and the checks every op repeats. */
final class Wire {

    static final int MAX_KEY = 1024;
    /** Renewals closer together than this are not recorded: leases count in seconds. */
    static final long RENEW_GRANULARITY_MS = 250;

    private Wire() {
    }

    static ByteString file(FileKey f) {
        if (f.getValue().isEmpty() || f.getValue().size() > MAX_KEY) {
            throw new StatusException(Status.INVAL, "file key must be 1.." + MAX_KEY + " bytes");
        }
        return f.getValue();
    }

    static Owner owner(io.dittofs.contracts.lock.v1.Owner o) {
        if (o.getClientId().isEmpty() || o.getOwner().size() > MAX_KEY) {
            throw new StatusException(Status.INVAL, "owner needs a client id and at most " + MAX_KEY + " owner bytes");
        }
        return new Owner(o.getClientId(), o.getOwner());
    }

    static io.dittofs.contracts.lock.v1.Owner owner(Owner o) {
        return io.dittofs.contracts.lock.v1.Owner.newBuilder().setClientId(o.client()).setOwner(o.owner()).build();
    }

    static Range range(ByteRange r) {
        return Range.of(r.getOffset(), r.getLength());
    }

    static ByteRange range(Range r) {
        return ByteRange.newBuilder().setOffset(r.start()).setLength(r.length()).build();
    }

    static io.dittofs.contracts.lock.v1.Protocol protocol(Protocol p) {
        return switch (p) {
            case NLM -> io.dittofs.contracts.lock.v1.Protocol.NLM;
            case NFS4 -> io.dittofs.contracts.lock.v1.Protocol.NFS4;
            case SMB -> io.dittofs.contracts.lock.v1.Protocol.SMB;
        };
    }

    static Protocol protocol(io.dittofs.contracts.lock.v1.Protocol p) {
        return switch (p) {
            case NLM -> Protocol.NLM;
            case NFS4 -> Protocol.NFS4;
            case SMB -> Protocol.SMB;
            default -> throw new StatusException(Status.INVAL, "client protocol must be NLM, NFS4 or SMB");
        };
    }

    static Conflict conflict(HeldLock h) {
        return Conflict.newBuilder().setOwner(owner(h.owner())).setRange(range(h.range()))
                .setType(h.exclusive() ? LockType.WRITE : LockType.READ).setProtocol(protocol(h.protocol())).build();
    }

    /**
     * The registered client, renewed (any stateful call renews its lease, as in NFSv4). A client
     * whose lease ran out is released here if housekeeping has not done it yet.
     */
    static ClientEntry client(LockTable t, ByteString id) {
        ClientEntry c = t.client(id).orElseThrow(() -> new StatusException(Status.EXPIRED, "unknown client " + id));
        long now = t.now();
        if (c.expired(now)) {
            ClientRelease.release(t, id, false, true);
            throw new StatusException(Status.EXPIRED, "client lease expired");
        }
        if (now - c.renewedMs() >= RENEW_GRANULARITY_MS) {
            t.write(ch -> {
                ch.putClient(c.renewed(now), false);
                return null;
            });
        }
        return c;
    }
}

package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.*;
import java.util.concurrent.atomic.AtomicLong;

/** Short-hands for lock-service tests over any {@link LockApi}. */
public final class Fx {

    public final LockApi api;
    private static final AtomicLong KEYS = new AtomicLong();

    public Fx(LockApi api) {
        this.api = api;
    }

    public static FileKey file(String name) {
        return FileKey.newBuilder().setValue(ByteString.copyFromUtf8(name)).build();
    }

    public static io.dittofs.contracts.lock.v1.Owner owner(ByteString client, String owner) {
        return io.dittofs.contracts.lock.v1.Owner.newBuilder().setClientId(client).setOwner(ByteString.copyFromUtf8(owner)).build();
    }

    public static ByteRange range(long off, long len) {
        return ByteRange.newBuilder().setOffset(off).setLength(len).build();
    }

    public ByteString client(io.dittofs.contracts.lock.v1.Protocol p, String gateway) {
        return client(p, "client-" + KEYS.incrementAndGet(), 0, gateway);
    }

    public ByteString client(io.dittofs.contracts.lock.v1.Protocol p, String key, int lease, String gateway) {
        RegisterClientResponse r = api.registerClient(RegisterClientRequest.newBuilder().setProtocol(p)
                .setClientKey(ByteString.copyFromUtf8(key)).setLeaseSeconds(lease).setGatewayId(gateway).build());
        if (r.getStatus() != Status.OK) {
            throw new AssertionError("register failed: " + r.getStatus());
        }
        return r.getClientId();
    }

    public static LockRequest.Builder lockReq(ByteString client, String owner, String file, long off, long len, boolean write) {
        return LockRequest.newBuilder().setFile(file(file)).setOwner(owner(client, owner)).setRange(range(off, len))
                .setType(write ? LockType.WRITE : LockType.READ);
    }

    public LockResponse lock(ByteString client, String owner, String file, long off, long len, boolean write) {
        return api.lock(lockReq(client, owner, file, off, len, write).build());
    }

    public LockResponse lockBlocking(ByteString client, String owner, String file, long off, long len, boolean write) {
        return api.lock(lockReq(client, owner, file, off, len, write).setBlocking(true).build());
    }

    public Status test(ByteString client, String owner, String file, long off, long len, boolean write) {
        return api.testLock(lockReq(client, owner, file, off, len, write).build()).getStatus();
    }

    public Status unlock(ByteString client, String owner, String file, long off, long len) {
        return api.unlock(UnlockRequest.newBuilder().setFile(file(file)).setOwner(owner(client, owner))
                .setRange(range(off, len)).build()).getStatus();
    }

    public Status cancel(ByteString client, String owner, String file, long off, long len) {
        return api.cancelLock(UnlockRequest.newBuilder().setFile(file(file)).setOwner(owner(client, owner))
                .setRange(range(off, len)).build()).getStatus();
    }

    public OpenResponse open(ByteString client, String owner, String file, int access, int deny) {
        return api.open(OpenRequest.newBuilder().setFile(file(file)).setOwner(owner(client, owner))
                .setAccess(access).setDeny(deny).build());
    }

    public OpenResponse openWithGrant(ByteString client, String owner, String file, int access, int deny, int bits,
                                      String leaseKey, boolean breakConflicting) {
        return api.open(OpenRequest.newBuilder().setFile(file(file)).setOwner(owner(client, owner))
                .setAccess(access).setDeny(deny).setBreakConflicting(breakConflicting)
                .setGrant(GrantRequest.newBuilder().setBits(bits).setLeaseKey(ByteString.copyFromUtf8(leaseKey))).build());
    }

    public Status close(ByteString openId) {
        return api.close(CloseRequest.newBuilder().setOpenId(openId).build()).getStatus();
    }

    public Status checkIo(ByteString client, String owner, String file, long off, long len, boolean write) {
        return api.checkIo(CheckIoRequest.newBuilder().setFile(file(file)).setOwner(owner(client, owner))
                .setRange(range(off, len)).setWrite(write).build()).getStatus();
    }

    public Status ack(ByteString grantId, int bits) {
        return api.ackBreak(AckBreakRequest.newBuilder().setGrantId(grantId).setNewBits(bits).build()).getStatus();
    }

    public Status release(ByteString client) {
        return api.releaseClient(ClientRequest.newBuilder().setClientId(client).build()).getStatus();
    }
}

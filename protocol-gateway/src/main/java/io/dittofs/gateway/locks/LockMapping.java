package io.dittofs.gateway.locks;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.lock.v1.Conflict;
import io.dittofs.contracts.lock.v1.FileKey;
import io.dittofs.contracts.lock.v1.LockRequest;
import io.dittofs.contracts.lock.v1.LockType;
import io.dittofs.contracts.lock.v1.Owner;
import io.dittofs.contracts.lock.v1.Protocol;
import io.dittofs.contracts.lock.v1.UnlockRequest;

/** Neutral gateway records to and from the lock contract; every enum mapped explicitly. */
final class LockMapping {

    private LockMapping() {
    }

    static Protocol protocol(LockProtocol p) {
        return switch (p) {
            case NLM -> Protocol.NLM;
            case NFS4 -> Protocol.NFS4;
            case SMB -> Protocol.SMB;
        };
    }

    static LockProtocol protocol(Protocol p) {
        return switch (p) {
            case NLM -> LockProtocol.NLM;
            case NFS4 -> LockProtocol.NFS4;
            case SMB -> LockProtocol.SMB;
            case PROTOCOL_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static LockStatus status(io.dittofs.contracts.common.v1.Status s) {
        return switch (s) {
            case OK -> LockStatus.OK;
            case DENIED -> LockStatus.DENIED;
            case SHARE_DENIED -> LockStatus.SHARE_DENIED;
            case LOCKED -> LockStatus.LOCKED;
            case DEADLOCK -> LockStatus.DEADLOCK;
            case GRACE -> LockStatus.GRACE;
            case NO_GRACE -> LockStatus.NO_GRACE;
            case RECLAIM_BAD -> LockStatus.RECLAIM_BAD;
            case EXPIRED -> LockStatus.EXPIRED;
            case BAD_STATE -> LockStatus.BAD_STATE;
            case NOT_LOCKED -> LockStatus.NOT_LOCKED;
            case BREAK_PENDING -> LockStatus.BREAK_PENDING;
            case INVAL -> LockStatus.INVAL;
            case DELAY -> LockStatus.DELAY;
            default -> LockStatus.SERVERFAULT;
        };
    }

    static FileKey file(byte[] file) {
        return FileKey.newBuilder().setValue(ByteString.copyFrom(file)).build();
    }

    static Owner owner(ClientRef client, byte[] owner) {
        return Owner.newBuilder().setClientId(ByteString.copyFrom(client.id())).setOwner(ByteString.copyFrom(owner))
                .build();
    }

    static LockRequest lockRequest(LockSpec s) {
        LockTarget t = s.target();
        LockRequest.Builder b = LockRequest.newBuilder().setFile(file(t.file())).setOwner(owner(t.client(), t.owner()))
                .setRange(GrpcLockManager.range(t.offset(), t.length()))
                .setType(s.exclusive() ? LockType.WRITE : LockType.READ).setBlocking(s.blocking())
                .setReclaim(s.reclaim());
        if (s.openId() != null) {
            b.setOpenId(ByteString.copyFrom(s.openId()));
        }
        return b.build();
    }

    static UnlockRequest unlockRequest(LockTarget t) {
        return UnlockRequest.newBuilder().setFile(file(t.file())).setOwner(owner(t.client(), t.owner()))
                .setRange(GrpcLockManager.range(t.offset(), t.length())).build();
    }

    static LockOutcome.Conflict conflict(Conflict c) {
        return new LockOutcome.Conflict(c.getOwner().getClientId().toByteArray(), c.getOwner().getOwner().toByteArray(),
                c.getRange().getOffset(), c.getRange().getLength(), c.getType() == LockType.WRITE,
                protocol(c.getProtocol()));
    }

    /** Null for an event kind this gateway does not know (a newer lock-service). */
    static LockEvent event(io.dittofs.contracts.lock.v1.LockEvent e) {
        return switch (e.getEventCase()) {
            case GRANTED -> {
                var g = e.getGranted();
                LockTarget t = new LockTarget(g.getFile().getValue().toByteArray(),
                        new ClientRef(g.getClientId().toByteArray(), false), g.getOwner().getOwner().toByteArray(),
                        g.getRange().getOffset(), g.getRange().getLength());
                yield new LockEvent.Granted(t, g.getType() == LockType.WRITE, g.getLockId().toByteArray());
            }
            case BREAK -> {
                var b = e.getBreak();
                yield new LockEvent.Break(new ClientRef(b.getClientId().toByteArray(), false),
                        b.getGrantId().toByteArray(), b.getFile().getValue().toByteArray(), b.getCurrentBits(),
                        b.getNewBits(), b.getLeaseKey().toByteArray(), b.getDeadlineEpochMs());
            }
            case EVENT_NOT_SET -> null;
        };
    }
}

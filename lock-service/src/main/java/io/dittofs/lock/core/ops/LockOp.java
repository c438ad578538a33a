package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.LockRequest;
import io.dittofs.contracts.lock.v1.LockResponse;
import io.dittofs.contracts.lock.v1.LockType;
import io.dittofs.lock.core.ByteRangeLocks;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.FileState;
import io.dittofs.lock.core.GrantRules;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.Protocol;
import io.dittofs.lock.core.Range;
import io.dittofs.lock.core.WaitQueue;
import io.dittofs.lock.core.Waiter;
import java.util.List;
import java.util.Optional;

/**
 * A byte-range lock. Granted at once when nothing held conflicts (a blocking request also waits
 * for earlier conflicting waiters, for fairness). Otherwise a non-blocking request is DENIED with
 * the conflict, and a blocking one is queued (OK, queued, its lock id; a GrantedEvent follows) or
 * refused with DEADLOCK when waiting would close a cycle. During grace only reclaims are granted
 * where anything conflicts; other conflicting requests get GRACE. A retransmitted blocking request
 * finds its queued twin.
 */
public final class LockOp extends Op<LockRequest, LockResponse> {

    public LockOp(LockTable table) {
        super(table);
    }

    @Override
    protected LockResponse execute(LockRequest r) {
        ByteString file = Wire.file(r.getFile());
        Owner owner = Wire.owner(r.getOwner());
        Range range = Wire.range(r.getRange());
        boolean exclusive = r.getType() == LockType.WRITE;
        return table.read(t -> {
            ClientEntry client = Wire.client(t, owner.client());
            boolean grace = t.inGrace();
            if (r.getReclaim() && !grace) {
                throw new StatusException(Status.NO_GRACE, "reclaim outside the grace period");
            }
            FileState f = t.file(file);
            HeldLock request = new HeldLock(t.newId(), file, owner, client.protocol(), range,
                    exclusive, r.getOpenId(), false);
            Optional<HeldLock> conflict = ByteRangeLocks.firstConflict(f, request);
            boolean queuedAhead = r.getBlocking() && WaitQueue.queuedAhead(f, request);
            if (grace && !r.getReclaim() && (conflict.isPresent() || queuedAhead)) {
                throw new StatusException(Status.GRACE, "conflicting lock during the grace period");
            }
            if (r.getReclaim() && !client.protocol().posix()) {
                for (HeldLock h : f.locks()) {
                    if (h.fromBefore() && h.owner().equals(owner) && h.range().equals(range) && h.exclusive() == exclusive) {
                        t.write(ch -> {
                            ch.markLock(h.reclaimed());
                            return null;
                        });
                        return LockResponse.newBuilder().setLockId(h.id()).build();
                    }
                }
            }
            if (client.protocol() == Protocol.NLM && !grace) {
                recallDelegations(t, f, client, owner, exclusive);
            }
            if (conflict.isEmpty() && !queuedAhead) {
                HeldLock held = t.write(ch -> ByteRangeLocks.grant(f, request, ch));
                return LockResponse.newBuilder().setLockId(held.id()).build();
            }
            LockResponse.Builder denied = LockResponse.newBuilder();
            conflict.ifPresent(c -> denied.setConflict(Wire.conflict(c)));
            if (!r.getBlocking()) {
                return denied.setStatus(Status.DENIED).build();
            }
            for (Waiter w : f.waiters()) {
                HeldLock q = w.request();
                if (q.owner().equals(owner) && q.range().equals(range) && q.exclusive() == exclusive) {
                    return denied.setQueued(true).setLockId(q.id()).build();
                }
            }
            if (WaitQueue.wouldDeadlock(t, request)) {
                return denied.setStatus(Status.DEADLOCK).build();
            }
            t.write(ch -> {
                ch.addWaiter(request);
                return null;
            });
            return denied.setQueued(true).setLockId(request.id()).build();
        });
    }

    /**
     * An NLM lock recalls NFSv4 delegations it conflicts with (a write lock every delegation, a
     * read lock a write delegation), as an open with that access would; NLM has no "retry later"
     * answer for a granted lock, so the lock is not held back while the recall runs.
     */
    private static void recallDelegations(LockTable t, FileState f, ClientEntry client, Owner owner, boolean exclusive) {
        ByteString holder = GrantRules.holder(client.protocol(), owner, ByteString.EMPTY);
        List<GrantRules.Break> breaks = GrantRules.breaksFor(f, holder, exclusive ? SHARE_WRITE : SHARE_READ, 0).stream()
                .filter(b -> b.grant().protocol() == Protocol.NFS4).toList();
        if (!breaks.isEmpty()) {
            OpenOp.startBreaks(t, breaks);
        }
    }

    private static final int SHARE_READ = 1;
    private static final int SHARE_WRITE = 2;

    @Override
    protected LockResponse failure(Status status) {
        return LockResponse.newBuilder().setStatus(status).build();
    }
}

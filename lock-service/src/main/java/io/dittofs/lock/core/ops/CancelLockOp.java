package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.UnlockRequest;
import io.dittofs.contracts.lock.v1.UnlockResponse;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.Range;
import io.dittofs.lock.core.WaitQueue;
import io.dittofs.lock.core.Waiter;

/**
 * Withdraws a queued blocking request (NLM CANCEL, SMB cancel). Cancel and grant both run under
 * the table mutex, so exactly one of them wins: NOT_LOCKED tells the caller the request is no
 * longer queued (it was granted, and the GrantedEvent is on its way, or never existed). Waiters
 * queued behind the cancelled one may then be granted.
 */
public final class CancelLockOp extends Op<UnlockRequest, UnlockResponse> {

    public CancelLockOp(LockTable table) {
        super(table);
    }

    @Override
    protected UnlockResponse execute(UnlockRequest r) {
        ByteString file = Wire.file(r.getFile());
        Owner owner = Wire.owner(r.getOwner());
        Range range = Wire.range(r.getRange());
        return table.read(t -> {
            Wire.client(t, owner.client());
            Waiter match = null;
            for (Waiter w : t.file(file).waiters()) {
                if (w.owner().equals(owner) && w.request().range().equals(range)) {
                    match = w;
                    break;
                }
            }
            if (match == null) {
                throw new StatusException(Status.NOT_LOCKED, "no queued request for that range");
            }
            Waiter cancelled = match;
            t.write(ch -> {
                ch.removeWaiter(cancelled);
                return null;
            });
            WaitQueue.grantWaiters(t, file);
            return UnlockResponse.getDefaultInstance();
        });
    }

    @Override
    protected UnlockResponse failure(Status status) {
        return UnlockResponse.newBuilder().setStatus(status).build();
    }
}
